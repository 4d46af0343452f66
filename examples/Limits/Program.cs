// A counting experiment with a signal region and a background uncertainty, written as a pyhf
// workspace in code, then: best fit, CLs at mu = 1, the 95% CL upper limit with its expected band,
// and the discovery significance.  Run: dotnet run --project examples/Limits
using System.Globalization;
using Neyman.Stats.Inference;
using Neyman.Stats.Models;
using Neyman.Stats.Workspaces;

const string json = """
{
  "channels": [{
    "name": "signal_region",
    "samples": [
      {"name": "signal", "data": [5.0, 10.0, 4.0],
       "modifiers": [{"name": "mu", "type": "normfactor", "data": null}]},
      {"name": "background", "data": [50.0, 52.0, 30.0],
       "modifiers": [{"name": "bkg_uncertainty", "type": "shapesys", "data": [3.0, 7.0, 4.0]}]}
    ]
  }],
  "observations": [{"name": "signal_region", "data": [53.0, 65.0, 33.0]}],
  "measurements": [{"name": "measurement", "config": {"poi": "mu", "parameters": []}}],
  "version": "1.0.0"
}
""";

var workspace = Workspace.Parse(json, "example");
var model = HistFactoryModel.Build(workspace);
var data = new ModelData(model, model.ObservedData);

var calculator = new AsymptoticCalculator(model, data);
var atOne = calculator.Test(1.0);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CLs(mu = 1) observed {atOne.CLs:F4}, expected median {atOne.CLsExpected[2]:F4}"));

var limit = UpperLimit.FindRoots(calculator.Test, lower: 0, upper: 10);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"95% CL upper limit on mu: observed {limit.Observed:F3}, expected {limit.Expected[2]:F3} " +
    $"[-1 sigma {limit.Expected[1]:F3}, +1 sigma {limit.Expected[3]:F3}]"));

var discovery = Discovery.Compute(model, data);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"discovery: p0 = {discovery.P0:G4}, Z0 = {discovery.Z0:F2} sigma"));
