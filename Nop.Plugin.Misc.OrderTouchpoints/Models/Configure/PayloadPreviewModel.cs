using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>The payload preview: an order number in, what each active vendor would receive per event out.</summary>
public record PayloadPreviewModel : BaseNopModel
{
    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Preview.OrderNumber")]
    public string? OrderNumber { get; set; }

    /// <summary>Set once a preview was asked for, so the page can tell "not asked" from "nothing active".</summary>
    public bool Requested { get; set; }

    /// <summary>Display only: why the order could not be looked up (so "no such order" is not claimed).</summary>
    [BindNever]
    public string? Failure { get; set; }

    public int? OrderId { get; set; }

    public int StoreId { get; set; }

    public IList<PreviewResultModel> Results { get; set; } = [];
}

/// <summary>One vendor and event: the request(s) it would send, or why it would send nothing.</summary>
public record PreviewResultModel(string VendorName, TouchpointEvent Event, IReadOnlyList<PreviewRequestModel> Requests, string? CannotSendReason) : BaseNopModel;

/// <summary>One HTTP request, its JSON body indented for reading (values unchanged), never a key or auth header.</summary>
public record PreviewRequestModel(string Method, string Url, string? Json) : BaseNopModel;
