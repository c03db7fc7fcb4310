namespace Micrograd.Functional.Onnx;

/// <summary>The number type of an exported model's inputs, parameters and outputs.</summary>
public enum OnnxPrecision
{
    /// <summary>64-bit doubles (ONNX <c>DOUBLE</c>), the library's own numbers: the default, and the only exact round trip.</summary>
    Double,

    /// <summary>32-bit floats (ONNX <c>FLOAT</c>): each parameter rounded to the nearest float, for runtimes and accelerators that have no double kernels.</summary>
    Float32,
}

/// <summary>How <see cref="OnnxExport"/> writes a model; the defaults write micrograd's model as it is, in doubles.</summary>
public sealed record OnnxExportOptions
{
    /// <summary>The number type of the graph (default <see cref="OnnxPrecision.Double"/>).</summary>
    public OnnxPrecision Precision { get; init; } = OnnxPrecision.Double;

    /// <summary>
    /// Adds a second output, <see cref="OnnxExport.ProbabilitiesName"/>: softmax over the scores of each row,
    /// pᵢ = e^(sᵢ) / Σⱼ e^(sⱼ), for k-class models (two outputs or more). The scores stay the first output.
    /// </summary>
    public bool SoftmaxOutput { get; init; }

    /// <summary>A line about how the model was trained (data, loss, steps, accuracy), stored as <see cref="OnnxExport.TrainingKey"/> in the model's metadata; none when null.</summary>
    public string? TrainingSummary { get; init; }
}
