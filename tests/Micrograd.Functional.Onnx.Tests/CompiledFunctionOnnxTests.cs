using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace Micrograd.Functional.Onnx.Tests;

/// <summary>Compiled functions exported to ONNX and run by ONNX Runtime, against <see cref="CompiledFunction.Evaluate(ReadOnlySpan{double})"/>.</summary>
public class CompiledFunctionOnnxTests(ITestOutputHelper output)
{
    /// <summary>Every primitive at least once, mixed so that each one's result feeds others.</summary>
    private static Value EveryPrimitive(Value[] x)
    {
        var (a, b, c) = (x[0], x[1], x[2]);
        var smooth = (a * b).Tanh() + b.Sigmoid() * c.Softplus() + (a - c).Exp().Log() + a.Sin() * b.Cos();
        var kinks = (a - b).Relu() + Value.Max(a, c) - Value.Min(b, c) + c.Abs().Sqrt() + (a * c).Step() + Where(b, a * 2);
        var powers = (b * b + 1).Pow(1.5) + a.Abs().Pow(c.Sigmoid()) + (c + 3).Pow(-1);
        return smooth * kinks.StopGradient() + powers / (1 + a * a);
    }

    /// <summary>
    /// Operator by operator, ONNX Runtime computes what <see cref="CompiledFunction.Evaluate(ReadOnlySpan{double})"/> does, to the bit,
    /// when its graph rewrites are off. Its rewrites (already those of <c>ORT_ENABLE_BASIC</c>) regroup a few operations, which
    /// changes a few roundings of intermediate results: with them all on, the results agree within 1e-12 · max(1, |f|)
    /// (the worst seen here: 1.4e-14 absolute, where terms of size 10 cancel).
    /// </summary>
    [Fact]
    public void A_function_using_every_primitive_agrees_with_Evaluate_in_ONNX_Runtime_at_random_points()
    {
        var f = Compiler.Compile(EveryPrimitive, 3);
        using var exact = Runtime.Session(Runtime.Bytes(OnnxExport.ToBytes(f)), GraphOptimizationLevel.ORT_DISABLE_ALL);
        using var optimised = Runtime.Session(Runtime.Bytes(OnnxExport.ToBytes(f)));
        var random = new Random(16);
        var worst = 0.0;
        for (var i = 0; i < 2000; i++)
        {
            double[] x = [Uniform(random, -4, 4), Uniform(random, -4, 4), Uniform(random, -4, 4)];
            var expected = f.Evaluate(x);
            var bits = Runtime.Run(exact, x, [3], OnnxExport.OutputName)[0][0];
            var close = Runtime.Run(optimised, x, [3], OnnxExport.OutputName)[0][0];
            var at = FormattableString.Invariant($"f({x[0]:R}, {x[1]:R}, {x[2]:R}): Evaluate {expected:R}");
            Assert.True(Ulps.Between(expected, bits) == 0, FormattableString.Invariant($"{at}, ONNX Runtime without rewrites {bits:R}"));
            Assert.True(Math.Abs(expected - close) <= 1e-12 * Math.Max(1, Math.Abs(expected)), FormattableString.Invariant($"{at}, ONNX Runtime with every rewrite {close:R}"));
            worst = Math.Max(worst, Math.Abs(expected - close));
        }

        output.WriteLine($"with every rewrite on: worst absolute difference {worst:E2}");
    }

    [Fact]
    public void The_exported_function_reads_one_tensor_of_its_inputs_and_writes_one_number()
    {
        var f = Compiler.Compile(EveryPrimitive, 3);
        using var session = Runtime.Session(Runtime.Bytes(OnnxExport.ToBytes(f)));
        Assert.Equal([3], session.InputMetadata[OnnxExport.InputName].Dimensions);
        Assert.Equal(typeof(double), session.InputMetadata[OnnxExport.InputName].ElementType);
        Assert.Equal([1], session.OutputMetadata[OnnxExport.OutputName].Dimensions);
    }

    [Fact]
    public void A_function_that_returns_one_of_its_inputs_or_a_constant_exports_too()
    {
        var second = Compiler.Compile(x => x[1], 2);
        using (var session = Runtime.Session(Runtime.Bytes(OnnxExport.ToBytes(second))))
        {
            Assert.Equal(-7.25, Runtime.Run(session, [3.0, -7.25], [2], OnnxExport.OutputName)[0][0]);
        }

        var constant = Compiler.Compile(_ => new Value(2.5) * 4, 1);
        using (var session = Runtime.Session(Runtime.Bytes(OnnxExport.ToBytes(constant))))
        {
            Assert.Equal(10.0, Runtime.Run(session, [123.0], [1], OnnxExport.OutputName)[0][0]);
        }
    }

    [Fact]
    public void A_custom_op_has_no_ONNX_operator_and_is_refused_by_its_name()
    {
        var softsign = CustomOp.Unary("softsign", x => x / (1 + Math.Abs(x)), x => 1 / ((1 + Math.Abs(x)) * (1 + Math.Abs(x))));
        var f = Compiler.Compile(x => softsign.Apply(x[0]) + x[1].Tanh(), 2);
        var error = OnnxExport.ToBytes(f).Match(_ => throw new Xunit.Sdk.XunitException("a custom op was exported"), e => e);
        Assert.Contains("custom op 'softsign'", error.Message);
        Assert.Contains("no ONNX operator", error.Message);
    }

    [Fact]
    public void Saving_a_function_writes_the_file_and_a_missing_folder_is_a_failure_naming_the_path()
    {
        var f = Compiler.Compile(x => x[0].Exp(), 1);
        var folder = Directory.CreateTempSubdirectory("onnx-function-").FullName;
        try
        {
            var path = Path.Combine(folder, "f.onnx");
            Assert.True(OnnxExport.Save(f, path).IsSucc);
            using var session = Runtime.Session(File.ReadAllBytes(path));
            Assert.Equal(Math.Exp(1.5), Runtime.Run(session, [1.5], [1], OnnxExport.OutputName)[0][0]);

            var missing = Path.Combine(folder, "no such folder", "f.onnx");
            var error = OnnxExport.Save(f, missing).Match(_ => throw new Xunit.Sdk.XunitException("saved into a missing folder"), e => e);
            Assert.StartsWith($"{missing}: cannot write the ONNX file", error.Message);
            Assert.Throws<ArgumentNullException>("function", () => OnnxExport.Save((CompiledFunction)null!, path));
            Assert.Throws<ArgumentException>("path", () => OnnxExport.Save(f, " "));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Uniform(Random random, double low, double high) => low + (high - low) * random.NextDouble();

    private static T Where<T>(T mask, T x) where T : IScalar<T> => T.Where(mask, x);
}
