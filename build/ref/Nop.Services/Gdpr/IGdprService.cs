using Nop.Core.Domain.Gdpr;

namespace Nop.Services.Gdpr;

public partial interface IGdprService
{
    Task<IList<GdprConsent>> GetAllConsentsAsync();

    Task<bool?> IsConsentAcceptedAsync(int consentId, int customerId);
}
