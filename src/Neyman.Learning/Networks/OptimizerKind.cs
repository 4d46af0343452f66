namespace Neyman.Learning.Networks;

/// <summary>The parameter update rules.</summary>
public enum OptimizerKind
{
    /// <summary>Stochastic gradient descent with (heavy-ball) momentum: v ← μv − ηg, θ ← θ + v.</summary>
    Sgd,

    /// <summary>SGD with Nesterov momentum: v ← μv − ηg, θ ← θ + μv − ηg.</summary>
    Nesterov,

    /// <summary>Adam (Kingma and Ba) with bias correction; L2 enters through the gradient.</summary>
    Adam,

    /// <summary>AdamW (Loshchilov and Hutter): Adam with weight decay decoupled from the gradient, θ ← θ − ηλθ.</summary>
    AdamW,
}
