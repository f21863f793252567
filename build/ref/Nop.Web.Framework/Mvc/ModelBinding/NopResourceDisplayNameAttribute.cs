using System.ComponentModel;

namespace Nop.Web.Framework.Mvc.ModelBinding;

[AttributeUsage(AttributeTargets.Property)]
public sealed class NopResourceDisplayNameAttribute : DisplayNameAttribute, IModelAttribute
{
    public NopResourceDisplayNameAttribute(string resourceKey) : base(resourceKey)
    {
        ResourceKey = resourceKey;
    }

    public string ResourceKey { get; set; }

    public override string DisplayName => ResourceKey;

    public string Name => nameof(NopResourceDisplayNameAttribute);
}
