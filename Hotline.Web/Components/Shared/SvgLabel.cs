using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Hotline.Web.Components.Shared;

/// <summary>An SVG <c>&lt;text&gt;</c> element: Razor reserves the <c>text</c> tag, so it is built in code.</summary>
public sealed class SvgLabel : ComponentBase
{
    [Parameter]
    public string X { get; set; } = "0";

    [Parameter]
    public string Y { get; set; } = "0";

    [Parameter]
    public string Anchor { get; set; } = "start";

    [Parameter]
    public string? Class { get; set; }

    [Parameter]
    public string Text { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "class", Class);
        builder.AddAttribute(2, "x", X);
        builder.AddAttribute(3, "y", Y);
        builder.AddAttribute(4, "text-anchor", Anchor);
        builder.AddContent(5, Text);
        builder.CloseElement();
    }
}
