using ScottPlot;
using SkiaSharp;

namespace Micrograd.Demo.Artifacts;

/// <summary>The colours and sizes both plots share, after micrograd's Spectral colour map (red for one class, blue for the other).</summary>
public static class PlotStyle
{
    /// <summary>The points of class 0.</summary>
    public static readonly Color Class0 = Color.FromHex("#D53E4F");

    /// <summary>The points of class 1.</summary>
    public static readonly Color Class1 = Color.FromHex("#3288BD");

    /// <summary>The region the model assigns to class 0.</summary>
    public static readonly Color Region0 = Color.FromHex("#F9C9B6");

    /// <summary>The region the model assigns to class 1.</summary>
    public static readonly Color Region1 = Color.FromHex("#C7E1EE");

    /// <summary>The points of classes 2, 3, …, after class 0 and 1: green, purple, yellow and brown, each far from the others and from red and blue.</summary>
    private static readonly Color[] MoreClasses = [Color.FromHex("#66C2A5"), Color.FromHex("#8073AC"), Color.FromHex("#E6C229"), Color.FromHex("#8C6D31")];

    /// <summary>The regions of classes 2, 3, …: pale versions of <see cref="MoreClasses"/>.</summary>
    private static readonly Color[] MoreRegions = [Color.FromHex("#CDEBDF"), Color.FromHex("#DCD6EC"), Color.FromHex("#F7ECBE"), Color.FromHex("#E3D7C1")];

    /// <summary>The colour of the points of class <paramref name="label"/> (the palette repeats after 6 classes).</summary>
    /// <param name="label">The class, from 0.</param>
    public static Color Class(int label) => label switch { 0 => Class0, 1 => Class1, _ => MoreClasses[(label - 2) % MoreClasses.Length] };

    /// <summary>The colour of the region the model assigns to class <paramref name="label"/>.</summary>
    /// <param name="label">The class, from 0.</param>
    public static Color Region(int label) => label switch { 0 => Region0, 1 => Region1, _ => MoreRegions[(label - 2) % MoreRegions.Length] };

    /// <summary>The loss curve.</summary>
    public static readonly Color LossLine = Color.FromHex("#D53E4F");

    /// <summary>The accuracy curve.</summary>
    public static readonly Color AccuracyLine = Color.FromHex("#3288BD");

    /// <summary>Gives <paramref name="plot"/> the shared look: a sans-serif font, the title and axis labels, and a legend.</summary>
    /// <param name="plot">The plot.</param>
    /// <param name="title">The title.</param>
    /// <param name="xLabel">The bottom axis label.</param>
    /// <param name="yLabel">The left axis label.</param>
    public static void Apply(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Font.Set(SansFont.Value);
        plot.Title(title, TitleSize);
        plot.XLabel(xLabel, LabelSize);
        plot.YLabel(yLabel, LabelSize);
        plot.ShowLegend();
    }

    /// <summary>
    /// A sans-serif family that this machine has. ScottPlot's own guess (<see cref="Fonts.Sans"/>) can land on a serif
    /// font on Linux (DejaVu Serif on Debian), so ask the font manager for common sans families first.
    /// </summary>
    private static readonly Lazy<string> SansFont = new(() =>
        new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica" }
            .FirstOrDefault(family => SKFontManager.Default.MatchFamily(family)?.FamilyName == family) ?? Fonts.Sans);

    /// <summary>The title's font size.</summary>
    public const float TitleSize = 18;

    /// <summary>The axis labels' font size.</summary>
    public const float LabelSize = 15;
}
