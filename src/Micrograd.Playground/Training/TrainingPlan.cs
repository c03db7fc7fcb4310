using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Playground.Training;

/// <summary>What a run trains: the data, the initial model and the library's options, checked to fit together.</summary>
/// <remarks>A class, not a record: a record would compare and print the model's graph of values.</remarks>
public sealed class TrainingPlan
{
    /// <summary>Creates a plan; <see cref="TrainingSettings.Plan"/> makes one from the page's controls.</summary>
    /// <param name="data">The training set.</param>
    /// <param name="model">The initial model: its outputs suit the loss and the data's classes.</param>
    /// <param name="options">The loss, optimizer and steps.</param>
    public TrainingPlan(Dataset data, Mlp model, TrainingOptions options)
    {
        Data = data ?? throw new ArgumentNullException(nameof(data));
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>The training set.</summary>
    public Dataset Data { get; }

    /// <summary>The model before the first step.</summary>
    public Mlp Model { get; }

    /// <summary>The loss, optimizer and number of steps.</summary>
    public TrainingOptions Options { get; }
}
