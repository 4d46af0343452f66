using Neyman.Events.Kinematics;

namespace Neyman.Events.Tests.Kinematics;

public class ThreeVectorTests
{
    [Fact]
    public void Products_and_lengths()
    {
        var a = new ThreeVector(1, 2, 2);
        var b = new ThreeVector(0, 1, 0);
        Assert.Equal(3.0, a.Magnitude);
        Assert.Equal(9.0, a.Magnitude2);
        Assert.Equal(2.0, a.Dot(b));
        Assert.Equal(new ThreeVector(-2, 0, 1), a.Cross(b));
        Assert.Equal(new ThreeVector(1, 3, 2), a + b);
        Assert.Equal(new ThreeVector(1, 1, 2), a - b);
        Assert.Equal(new ThreeVector(-1, -2, -2), -a);
        Assert.Equal(new ThreeVector(2, 4, 4), 2 * a);
    }

    [Fact]
    public void FromCosThetaPhi_gives_unit_vectors()
    {
        Assert.Equal(new ThreeVector(0, 0, 1), ThreeVector.FromCosThetaPhi(1, 0));
        var v = ThreeVector.FromCosThetaPhi(0.6, Math.PI / 2);
        Assert.Equal(0.0, v.X, 1e-15);
        Assert.Equal(0.8, v.Y, 1e-15);
        Assert.Equal(0.6, v.Z);
        Assert.Equal(1.0, v.Magnitude, 1e-15);
    }
}
