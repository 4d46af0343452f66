using Neyman.Core;
using Neyman.Events.Kinematics;
using Neyman.Events.Simulation;

namespace Neyman.Events.Tests.Simulation;

public sealed class TwoBodyDecayTests
{
    [Fact]
    public void The_rest_frame_momentum_matches_the_closed_form()
    {
        // t -> W b: p* = sqrt((M^2 - (mW + mb)^2)(M^2 - (mW - mb)^2)) / 2M.
        const double m = 172.57, w = 80.3692, b = 4.78;
        var expected = Math.Sqrt((m * m - (w + b) * (w + b)) * (m * m - (w - b) * (w - b))) / (2 * m);
        Assert.Equal(expected, TwoBodyDecay.RestFrameMomentum(m, w, b), 12);
        // Massless daughters share the energy equally.
        Assert.Equal(62.6, TwoBodyDecay.RestFrameMomentum(125.2, 0, 0), 12);
        Assert.Equal(0.0, TwoBodyDecay.RestFrameMomentum(80, 40, 40));
    }

    [Theory]
    [InlineData(0.3, 1.2)]
    [InlineData(-0.99, -2.5)]
    [InlineData(1.0, 0.0)]
    public void Daughters_conserve_four_momentum_and_keep_their_masses(double cosTheta, double phi)
    {
        var parent = LorentzVector.FromPtEtaPhiM(150, 1.7, 0.4, 425);
        var (first, second) = TwoBodyDecay.Decay(parent, 425, 80.3692, 325, cosTheta, phi);
        var sum = first + second;

        Assert.Equal(parent.E, sum.E, 9);
        Assert.Equal(parent.Px, sum.Px, 9);
        Assert.Equal(parent.Py, sum.Py, 9);
        Assert.Equal(parent.Pz, sum.Pz, 9);
        Assert.Equal(80.3692, first.Mass, 7);
        Assert.Equal(325, second.Mass, 7);
        // Back in the parent's rest frame the first daughter flies along (cos theta, phi) with momentum p*.
        var rest = first.ToRestFrameOf(parent);
        var p = TwoBodyDecay.RestFrameMomentum(425, 80.3692, 325);
        Assert.Equal(p * cosTheta, rest.Pz, 8);
        if (Math.Abs(cosTheta) < 1)
        {
            Assert.Equal(phi, rest.Phi, 8);
        }
    }

    [Fact]
    public void Isotropic_directions_are_unit_vectors_with_the_moments_of_the_uniform_sphere()
    {
        // On the unit sphere each coordinate has mean 0 and second moment 1/3, and z is uniform on [-1, 1].
        var random = new RandomStream(9);
        const int n = 100_000;
        double sumZ = 0, sumZ2 = 0, sumX2 = 0, upperHalf = 0;
        for (var i = 0; i < n; i++)
        {
            var d = TwoBodyDecay.IsotropicDirection(random);
            Assert.Equal(1.0, d.Magnitude, 12);
            sumZ += d.Z;
            sumZ2 += d.Z * d.Z;
            sumX2 += d.X * d.X;
            upperHalf += d.Z > 0.5 ? 1 : 0;
        }
        // Standard errors: mean of z sqrt(1/3n) = 0.0018, second moments sqrt(4/45n) = 0.00094, P(z > 0.5) 0.0014.
        Assert.InRange(sumZ / n, -0.008, 0.008);
        Assert.InRange(sumZ2 / n, 1 / 3.0 - 0.004, 1 / 3.0 + 0.004);
        Assert.InRange(sumX2 / n, 1 / 3.0 - 0.004, 1 / 3.0 + 0.004);
        Assert.InRange(upperHalf / n, 0.25 - 0.006, 0.25 + 0.006);
    }
}
