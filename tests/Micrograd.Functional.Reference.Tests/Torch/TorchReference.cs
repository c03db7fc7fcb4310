using Micrograd.Functional.Tests.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace Micrograd.Functional.Reference.Tests.Torch;

/// <summary>A function's value and derivatives at a point, as PyTorch computes them in float64.</summary>
/// <param name="Value">f(x).</param>
/// <param name="Gradient">∂f/∂xᵢ for each input; 0 for an input f does not use.</param>
/// <param name="Hessian">∂²f/∂xᵢ∂xⱼ, or null when only first derivatives were asked for.</param>
public sealed record TorchDerivatives(double Value, double[] Gradient, double[,]? Hessian);

/// <summary>
/// PyTorch (through TorchSharp, libtorch CPU) as the reference engine. Every tensor is a float64
/// scalar, and every call runs in its own dispose scope, so nothing outlives it.
/// </summary>
public static class TorchReference
{
    /// <summary>Lets a test name torch's ops on 0-d tensors as the engine's.</summary>
    public delegate Tensor Function(Tensor[] x);

    /// <summary>A float64 scalar leaf that records gradients.</summary>
    public static Tensor Leaf(double x) => tensor(x, float64, requires_grad: true);

    /// <summary>
    /// f(x), its gradient and, when <paramref name="secondOrder"/> is set, its Hessian, all by
    /// torch.autograd.grad. The Hessian differentiates each gradient component again, which needs
    /// the first pass to build a graph of its own (create_graph: true).
    /// </summary>
    public static TorchDerivatives Derivatives(Function f, IReadOnlyList<double> x, bool secondOrder = false)
    {
        using var scope = NewDisposeScope();
        var leaves = x.Select(Leaf).ToArray();
        var y = f(leaves);
        // retain_graph defaults to false in TorchSharp (Python defaults it to create_graph), and the
        // second pass needs the forward graph's saved tensors.
        var gradient = autograd.grad([y], leaves, retain_graph: secondOrder, create_graph: secondOrder, allow_unused: true);
        double[,]? hessian = null;
        if (secondOrder)
        {
            hessian = new double[leaves.Length, leaves.Length];
            for (var i = 0; i < leaves.Length; i++)
            {
                // A gradient component that does not depend on any input (f linear in xᵢ, or
                // xᵢ unused) has no graph: its row of the Hessian is 0.
                if (gradient[i].IsInvalid || !gradient[i].requires_grad)
                {
                    continue;
                }

                var row = autograd.grad([gradient[i]], leaves, retain_graph: true, allow_unused: true);
                for (var j = 0; j < leaves.Length; j++)
                {
                    hessian[i, j] = Scalar(row[j]);
                }
            }
        }

        return new TorchDerivatives(y.item<double>(), [.. gradient.Select(Scalar)], hessian);
    }

    /// <summary>The derivatives of a random graph's output with respect to its inputs.</summary>
    public static TorchDerivatives Derivatives(RandomGraph graph, bool secondOrder = false) =>
        Derivatives(x => BuildAll(graph, x)[^1], graph.Inputs, secondOrder);

    /// <summary>
    /// Every node of a random graph in torch, the inputs first and the output last, as
    /// <see cref="RandomGraph.BuildAll"/> gives them in the engine: each node's value and the
    /// output's derivative with respect to it (the adjoint; 1 for the output itself).
    /// </summary>
    public static (double[] Values, double[] Adjoints) Nodes(RandomGraph graph)
    {
        using var scope = NewDisposeScope();
        var nodes = BuildAll(graph, [.. graph.Inputs.Select(Leaf)]);
        var adjoints = autograd.grad([nodes[^1]], nodes, allow_unused: true);
        return ([.. nodes.Select(n => n.item<double>())], [.. adjoints.Select(Scalar)]);
    }

    /// <summary>The graph's nodes in torch, each op written the way a PyTorch user would.</summary>
    public static Tensor[] BuildAll(RandomGraph graph, Tensor[] inputs)
    {
        var nodes = new List<Tensor>(inputs);
        foreach (var (op, a, b, p) in graph.Steps)
        {
            nodes.Add(Apply(op, nodes[a], nodes[b], p));
        }

        return [.. nodes];
    }

    /// <summary>One op of <see cref="GraphOp"/> in torch (not micrograd's composites: a − b is torch.sub, a / b is torch.div).</summary>
    public static Tensor Apply(GraphOp op, Tensor a, Tensor b, double p) => op switch
    {
        GraphOp.Add => a + b,
        GraphOp.Sub => a - b,
        GraphOp.Mul => a * b,
        GraphOp.Div => a / b,
        GraphOp.Neg => -a,
        GraphOp.Pow => a.pow(p),
        GraphOp.Relu => nn.functional.relu(a),
        GraphOp.Tanh => a.tanh(),
        GraphOp.Exp => a.exp(),
        GraphOp.Log => a.log(),
        GraphOp.Sigmoid => a.sigmoid(),
        GraphOp.Softplus => nn.functional.softplus(a),
        GraphOp.Sin => a.sin(),
        GraphOp.Cos => a.cos(),
        GraphOp.Sqrt => a.sqrt(),
        GraphOp.Abs => a.abs(),
        GraphOp.PowValue => a.pow(b),
        GraphOp.Max => maximum(a, b),
        GraphOp.Min => minimum(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "No torch counterpart yet: add one here."),
    };

    /// <summary>
    /// A 0-d tensor's value; an undefined gradient (an unused input under allow_unused) is 0. Cloned
    /// first: the second derivative through abs's sign is libtorch's storage-less "efficient zero
    /// tensor", whose item() fails in TorchSharp, and a clone materialises it.
    /// </summary>
    private static double Scalar(Tensor t) => t.IsInvalid ? 0.0 : t.clone().item<double>();
}
