using Neyman.Publishing.Plots;

namespace Neyman.Publishing.Tests.Plots;

public sealed class FeatureDistributionPlotTests
{
    [Theory]
    [InlineData("lepton_pt", "lepton_pt (GeV)")]
    [InlineData("m_bb", "m_bb (GeV)")]
    [InlineData("missing_energy_magnitude", "missing_energy_magnitude (GeV)")]
    [InlineData("jet1_eta", "jet1_eta (dimensionless)")]
    [InlineData("jet2_phi", "jet2_phi (rad)")]
    [InlineData("jet1_btag", "jet1_btag (dimensionless)")]
    [InlineData("n_jets", "n_jets (as in the file)")]
    public void AxisLabelsCarryTheUsualUnits(string feature, string label) => Assert.Equal(label, FeatureDistributionPlot.AxisLabel(feature));

    [Fact]
    public void FileNamesAreSafe() => Assert.Equal("feature_m_j__j_", FeatureDistributionPlot.Create("m(j, j)", "m (GeV)", [1, 2, 3, 4], [true, false, true, false], [1, 1, 1, 1]).Name);
}
