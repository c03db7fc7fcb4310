using System.Diagnostics.CodeAnalysis;

// RS0026 (several overloads with optional parameters) guards binary compatibility when an optional
// parameter is later added to a shipped overload. These overload pairs differ in a required
// parameter's type (one point or many; a seed or a weight generator; an immutable result or a span the caller owns), so no call is ambiguous, and
// they are the library's first public surface, not a change to a shipped one. The rule stays on for
// every other member.
[assembly: SuppressMessage("ApiDesign", "RS0026", Justification = "Overloads differ in a required parameter's type; see the note above.",
    Scope = "member", Target = "~M:Micrograd.Functional.GradCheck.Check(System.Func{Micrograd.Functional.Value[],Micrograd.Functional.Value},System.Collections.Immutable.ImmutableArray{System.Double},System.Double)~Micrograd.Functional.GradCheckReport")]
[assembly: SuppressMessage("ApiDesign", "RS0026", Justification = "Overloads differ in a required parameter's type; see the note above.",
    Scope = "member", Target = "~M:Micrograd.Functional.GradCheck.Check(System.Func{Micrograd.Functional.Value[],Micrograd.Functional.Value},System.Collections.Generic.IEnumerable{System.Collections.Immutable.ImmutableArray{System.Double}},System.Double)~Micrograd.Functional.GradCheckReport")]
[assembly: SuppressMessage("ApiDesign", "RS0026", Justification = "Overloads differ in a required parameter's type; see the note above.",
    Scope = "member", Target = "~M:Micrograd.Functional.Nn.Mlp.Create(System.Int32,System.Collections.Generic.IReadOnlyList{System.Int32},System.Int32,Micrograd.Functional.Nn.Activation,Micrograd.Functional.Nn.Activation)~Micrograd.Functional.Nn.Mlp")]
[assembly: SuppressMessage("ApiDesign", "RS0026", Justification = "Overloads differ in a required parameter's type; see the note above.",
    Scope = "member", Target = "~M:Micrograd.Functional.Nn.Mlp.Create(System.Int32,System.Collections.Generic.IReadOnlyList{System.Int32},System.Func{System.Double},Micrograd.Functional.Nn.Activation,Micrograd.Functional.Nn.Activation)~Micrograd.Functional.Nn.Mlp")]
[assembly: SuppressMessage("ApiDesign", "RS0026", Justification = "Overloads differ in a required parameter's type; see the note above.",
    Scope = "member", Target = "~M:Micrograd.Functional.DataParallel.SumValueAndGrad(System.Collections.Immutable.ImmutableArray{System.Double},System.Int32,System.Func{System.Int32,System.ValueTuple{Micrograd.Functional.CompiledFunction,System.Collections.Immutable.ImmutableArray{System.Double}}},System.Int32)~System.ValueTuple{System.Double,System.Collections.Immutable.ImmutableArray{System.Double}}")]
[assembly: SuppressMessage("ApiDesign", "RS0026", Justification = "Overloads differ in a required parameter's type; see the note above.",
    Scope = "member", Target = "~M:Micrograd.Functional.DataParallel.SumValueAndGrad(System.ReadOnlySpan{System.Double},System.Int32,System.Func{System.Int32,System.ValueTuple{Micrograd.Functional.CompiledFunction,System.Collections.Immutable.ImmutableArray{System.Double}}},System.Span{System.Double},System.Int32)~System.Double")]
[assembly: SuppressMessage("ApiDesign", "RS0026", Justification = "Overloads differ in a required parameter's type; see the note above.",
    Scope = "member", Target = "~M:Micrograd.Functional.Onnx.OnnxExport.Save(Micrograd.Functional.Nn.Mlp,System.String,Micrograd.Functional.Onnx.OnnxExportOptions)~LanguageExt.Fin{LanguageExt.Unit}")]
[assembly: SuppressMessage("ApiDesign", "RS0026", Justification = "Overloads differ in a required parameter's type; see the note above.",
    Scope = "member", Target = "~M:Micrograd.Functional.Onnx.OnnxExport.ToBytes(Micrograd.Functional.Nn.Mlp,Micrograd.Functional.Onnx.OnnxExportOptions)~LanguageExt.Fin{System.Byte[]}")]
