// An F# user's first program against the Micrograd.Functional package (no project reference),
// written the way F# reads: `**`, `tanh`, `exp`, `List.sum`, `Ad.Grad` as a function.
// Reference numbers come from outside this code: micrograd's README (24.7041, 138.8338, 645.5773),
// micrograd's demo.ipynb output (step 0 and step 19), and closed-form derivatives computed with System.Math.
// Prints one "PASS name" or "FAIL name: detail" line per check; .ci/packages.sh counts them.
open System
open Micrograd.Functional
open Micrograd.Functional.Data
open Micrograd.Functional.Nn

let mutable failures = 0
let check name ok detail =
    if ok then printfn "PASS %s" name
    else
        printfn "FAIL %s: %s" name detail
        failures <- failures + 1

let relu (x: Value) = Value.Relu x

// micrograd's README example, line for line.
let a = Value(-4.0)
let b = Value(2.0)
let mutable c = a + b
let mutable d = a * b + b ** 3.0
c <- c + (c + 1.0)
c <- c + (1.0 + c + (-a))
d <- d + (d * 2.0 + relu (b + a))
d <- d + (3.0 * d + relu (b - a))
let e = c - d
let f = e ** 2.0
let mutable g = f / 2.0
g <- g + 10.0 / f
let grads = g.Backward()
let printed = sprintf "%.4f %.4f %.4f" g.Data grads.[a] grads.[b]
check "fsharp: micrograd's README example prints 24.7041 138.8338 645.5773" (printed = "24.7041 138.8338 645.5773") printed

// F#'s generic functions on Values, against closed forms from System.Math.
let x = Value 0.5
let y = tanh x + exp x + log x + sqrt x + sin x + cos x + abs (-x)
let dy = y.Backward().[x]
let expected = (1.0 - Math.Tanh 0.5 ** 2.0) + Math.Exp 0.5 + 1.0 / 0.5 + 0.5 / Math.Sqrt 0.5 + Math.Cos 0.5 - Math.Sin 0.5 + 1.0
check "fsharp: d/dx of tanh+exp+log+sqrt+sin+cos+abs(-x) at 0.5 matches the closed form" (abs (dy - expected) < 1e-12) (sprintf "%.17g vs %.17g" dy expected)

let terms = [ Value 1.5; Value -2.0; Value 4.0 ]
let total = List.sum terms
check "fsharp: List.sum of Values adds them (3.5), each with gradient 1" (total.Data = 3.5 && terms |> List.forall (fun t -> total.Backward().[t] = 1.0)) (string total.Data)

// Ad.Grad returns a function (a delegate: F# calls it with Invoke); it nests.
let cube = Ad.Grad(fun t -> t ** 3.0)
let cube'' = Ad.Grad(fun t -> (Ad.Grad(fun u -> u ** 3.0)).Invoke t)
let d1, d2 = (cube.Invoke(Value 2.0)).Data, (cube''.Invoke(Value 2.0)).Data
check "fsharp: Ad.Grad of t ** 3.0 at 2 is 12, and nested it is 6t = 12" (d1 = 12.0 && d2 = 12.0) (sprintf "%g %g" d1 d2)

// micrograd's demo notebook, first 20 steps: moons(100, noise 0.1, seed 1337), MLP 2-16-16-1, hinge + L2, SGD.
let data = Datasets.Moons(100, 0.1, 1337)
let model = Mlp.Create(2, [| 16; 16; 1 |], 1337)
let steps = model.Train(data, TrainingOptions.Micrograd) |> Seq.take 20 |> Seq.toArray
steps |> Array.iter (printfn "%O")
// The notebook's printed numbers; Python sums gradients in another order, so the last bits differ (1e-9 relative).
let near expected actual = abs (actual - expected) <= 1e-9 * abs expected
check "fsharp: step 0 has the notebook's loss 0.8958441028683222 at 50% accuracy"
    (near 0.8958441028683222 steps.[0].Loss && steps.[0].Accuracy = 0.5) (string steps.[0])
check "fsharp: step 19 has the notebook's loss 0.1845374874688392 at 93% accuracy"
    (near 0.1845374874688392 steps.[19].Loss && abs (steps.[19].Accuracy - 0.93) < 1e-12) (string steps.[19])

exit (if failures = 0 then 0 else 1)
