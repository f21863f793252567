using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.OrderTouchpoints.Alerts;
using Nop.Services.Localization;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>
/// nopCommerce's message template table over a Moq mock: templates by name (store mapping ignored: every
/// template serves every store), with the localized values saved for them.
/// </summary>
public sealed class AlertTemplateStore
{
    public List<MessageTemplate> Templates { get; } = [];

    public Dictionary<(string Template, string Property, int LanguageId), string> Localized { get; } = [];

    public Mock<IMessageTemplateService> Service { get; } = new();

    public Mock<ILocalizedEntityService> LocalizedEntities { get; } = new();

    public AlertTemplateStore()
    {
        Service.Setup(s => s.GetMessageTemplatesByNameAsync(It.IsAny<string>(), It.IsAny<int?>()))
            .ReturnsAsync((string name, int? _) => Templates.Where(t => t.Name == name).ToList());
        Service.Setup(s => s.InsertMessageTemplateAsync(It.IsAny<MessageTemplate>()))
            .Callback((MessageTemplate template) =>
            {
                template.Id = Templates.Count + 1;
                Templates.Add(template);
            })
            .Returns(Task.CompletedTask);
        Service.Setup(s => s.DeleteMessageTemplateAsync(It.IsAny<MessageTemplate>()))
            .Callback((MessageTemplate template) => Templates.Remove(template))
            .Returns(Task.CompletedTask);
        LocalizedEntities.Setup(s => s.SaveLocalizedValueAsync(It.IsAny<MessageTemplate>(),
                It.IsAny<System.Linq.Expressions.Expression<Func<MessageTemplate, string>>>(), It.IsAny<string>(), It.IsAny<int>()))
            .Callback((MessageTemplate template, System.Linq.Expressions.Expression<Func<MessageTemplate, string>> property, string value, int languageId) =>
                Localized[(template.Name, ((System.Linq.Expressions.MemberExpression)property.Body).Member.Name, languageId)] = value)
            .Returns(Task.CompletedTask);
    }

    public DeliveryAlertTemplates CreateTemplates(params Language[] languages)
    {
        var languageService = new Mock<ILanguageService>();
        languageService.Setup(l => l.GetAllLanguagesAsync(It.IsAny<bool>(), It.IsAny<int>())).ReturnsAsync(languages.ToList());
        return new DeliveryAlertTemplates(new EmailAccountSettings { DefaultEmailAccountId = 3 }, Service.Object, LocalizedEntities.Object, languageService.Object);
    }

    /// <summary>Templates over an empty table and no language: what tests of other plugin parts need.</summary>
    public static DeliveryAlertTemplates Empty() => new AlertTemplateStore().CreateTemplates();
}
