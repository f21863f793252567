using System.Xml.Serialization;

namespace Nop.Web.Framework.Models;

public partial record BaseNopModel
{
    public BaseNopModel()
    {
        PostInitialize();
    }

    protected virtual void PostInitialize()
    {
    }
}
