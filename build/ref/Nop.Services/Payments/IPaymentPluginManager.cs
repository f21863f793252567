using Nop.Services.Plugins;

namespace Nop.Services.Payments;

public partial interface IPaymentPluginManager : IPluginManager<IPaymentMethod>
{
}
