namespace Neyman.Learning.Networks;

/// <summary>
/// The learning rate of each mini-batch under a <see cref="LearningRateScheduleKind"/>, and the momentum of
/// each epoch (rising linearly from its initial to its final value, as in Baldi et al.).
/// </summary>
public sealed class LearningRateSchedule
{
    private readonly NetworkTrainingOptions _options;
    private double _plateauRate;
    private double _bestLoss = double.PositiveInfinity;
    private int _epochsWithoutImprovement;

    /// <summary>Creates the schedule of a training run.</summary>
    public LearningRateSchedule(NetworkTrainingOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _plateauRate = options.LearningRate;
    }

    /// <summary>The learning rate of batch <paramref name="batch"/> (counted from 0 over the whole run) in epoch <paramref name="epoch"/> (from 0).</summary>
    public double Rate(int epoch, long batch)
    {
        var initial = _options.LearningRate;
        var floor = _options.MinimumLearningRate;
        return _options.Schedule switch
        {
            LearningRateScheduleKind.Exponential => Math.Max(floor, initial * Math.Exp(-batch * Math.Log(_options.DecayPerBatch))),
            LearningRateScheduleKind.Step => Math.Max(floor, initial * Math.Pow(_options.StepFactor, epoch / _options.StepEpochs)),
            LearningRateScheduleKind.Cosine => floor + 0.5 * (initial - floor) * (1 + Math.Cos(Math.PI * epoch / Math.Max(1, _options.Epochs))),
            LearningRateScheduleKind.ReduceOnPlateau => _plateauRate,
            _ => initial,
        };
    }

    /// <summary>The momentum of epoch <paramref name="epoch"/> (from 0).</summary>
    public double Momentum(int epoch)
    {
        var ramp = _options.MomentumRampEpochs;
        if (ramp <= 0)
        {
            return _options.Momentum;
        }
        var fraction = Math.Min(1.0, (double)epoch / ramp);
        return _options.Momentum + fraction * (_options.FinalMomentum - _options.Momentum);
    }

    /// <summary>Records the validation loss at the end of an epoch (drives <see cref="LearningRateScheduleKind.ReduceOnPlateau"/>).</summary>
    public void Observe(double validationLoss)
    {
        if (validationLoss < _bestLoss)
        {
            _bestLoss = validationLoss;
            _epochsWithoutImprovement = 0;
            return;
        }
        _epochsWithoutImprovement++;
        if (_epochsWithoutImprovement >= _options.PlateauPatience)
        {
            _plateauRate = Math.Max(_options.MinimumLearningRate, _plateauRate * _options.PlateauFactor);
            _epochsWithoutImprovement = 0;
        }
    }
}
