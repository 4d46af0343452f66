namespace Neyman.Events.Simulation;

/// <summary>
/// The purposes that separate the random streams of the simulation (see RandomStream.ForBlock): truth and detector
/// draws of each process and the signal/background labels never share a stream, so changing how one is used leaves the
/// others' numbers unchanged.
/// </summary>
internal static class StreamPurpose
{
    public const ulong HiggsSignalTruth = 0x4869_6767_7301;
    public const ulong HiggsSignalDetector = 0x4869_6767_7302;
    public const ulong HiggsBackgroundTruth = 0x4869_6767_7303;
    public const ulong HiggsBackgroundDetector = 0x4869_6767_7304;
    public const ulong Labels = 0x4C61_6265_6C73;
    public const ulong GaussianConfiguration = 0x4761_7573_7301;
    public const ulong GaussianEvents = 0x4761_7573_7302;
}
