using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.OrderTouchpoints.Controllers;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>
/// [AuthorizeAdmin] alone admits the Vendors role to a plugin's admin pages; only the permission check on
/// each action restricts them to those who may manage plugins. Every controller the plugin adds is held to
/// it, except the public ones listed here, each with the reason it is public and what guards it instead.
/// </summary>
public class ControllerSecurityTests
{
    private static readonly Dictionary<Type, string> PublicControllers = new()
    {
        [typeof(VtMarketingFeedController)] =
            "VTmarketing's servers fetch the product feed without an admin login; each store's secret feed token guards it (FeedEndpointTests)."
    };

    private static readonly IReadOnlyList<Type> AllControllers = typeof(OrderTouchpointsPlugin).Assembly.GetTypes()
        .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract)
        .ToList();

    private static readonly IReadOnlyList<Type> Controllers = AllControllers.Except(PublicControllers.Keys).ToList();

    private static IEnumerable<MethodInfo> Actions(Type controller) => controller
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => !m.IsSpecialName && m.GetCustomAttribute<NonActionAttribute>() is null);

    [Test]
    public void The_plugin_has_controllers_with_actions()
    {
        Assert.That(Controllers, Is.Not.Empty);
        Assert.That(Controllers.SelectMany(Actions), Is.Not.Empty);
    }

    [Test]
    public void Every_controller_is_an_admin_area_controller_with_antiforgery_validation()
    {
        foreach (var controller in Controllers)
        {
            Assert.That(controller.GetCustomAttribute<AreaAttribute>()?.RouteValue, Is.EqualTo(AreaNames.ADMIN), controller.Name);
            Assert.That(controller.GetCustomAttribute<AuthorizeAdminAttribute>(), Is.Not.Null, controller.Name);
            // [AuthorizeAdmin(ignore: true)] would switch the check off.
            var authorize = controller.GetCustomAttributesData().Single(a => a.AttributeType == typeof(AuthorizeAdminAttribute));
            Assert.That(authorize.ConstructorArguments.Select(a => a.Value), Has.None.EqualTo(true), controller.Name);
            Assert.That(controller.GetCustomAttribute<AutoValidateAntiforgeryTokenAttribute>(), Is.Not.Null, controller.Name);
        }
    }

    [Test]
    public void Every_action_requires_the_manage_plugins_permission()
    {
        var unguarded = Controllers.SelectMany(Actions)
            .Where(action => !action.GetCustomAttributesData()
                .Where(a => a.AttributeType == typeof(CheckPermissionAttribute))
                .Any(a => Equals(a.ConstructorArguments[0].Value, StandardPermission.Configuration.MANAGE_PLUGINS)))
            .Select(action => $"{action.DeclaringType!.Name}.{action.Name}")
            .ToList();

        Assert.That(unguarded, Is.Empty);
    }

    [Test]
    public void Every_listed_public_controller_exists()
    {
        Assert.That(AllControllers, Is.SupersetOf(PublicControllers.Keys));
    }

    [Test]
    public void Every_listed_public_controller_has_a_reason()
    {
        Assert.That(PublicControllers.Values, Has.All.Not.Empty);
    }

    [Test]
    public void Public_controllers_carry_no_admin_attributes()
    {
        foreach (var controller in PublicControllers.Keys)
        {
            Assert.That(controller.GetCustomAttribute<AreaAttribute>(), Is.Null, controller.Name);
            Assert.That(controller.GetCustomAttribute<AuthorizeAdminAttribute>(), Is.Null, controller.Name);
            Assert.That(controller.GetCustomAttributes<CheckPermissionAttribute>(), Is.Empty, controller.Name);
            Assert.That(Actions(controller).SelectMany(a => a.GetCustomAttributes<CheckPermissionAttribute>()), Is.Empty, controller.Name);
        }
    }

    [Test]
    public void Every_action_of_the_feed_controller_is_a_get()
    {
        var actions = Actions(typeof(VtMarketingFeedController)).ToList();

        Assert.That(actions, Is.Not.Empty);
        Assert.That(actions.Where(a => a.GetCustomAttribute<HttpGetAttribute>() is null).Select(a => a.Name), Is.Empty);
    }

    [Test]
    public void Every_action_of_the_feed_controller_takes_the_store_with_its_token()
    {
        var actions = Actions(typeof(VtMarketingFeedController)).ToList();

        Assert.That(actions, Is.Not.Empty);
        foreach (var action in actions)
            Assert.That(action.GetParameters().Select(p => (p.Name, p.ParameterType)),
                Is.SupersetOf(new[] { ("storeId", typeof(int)), ("token", typeof(string)) }), action.Name);
    }

    [Test]
    public void No_action_opts_out_of_antiforgery_validation()
    {
        var optedOut = Controllers.SelectMany(Actions)
            .Where(action => action.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>() is not null)
            .Select(action => action.Name)
            .ToList();

        Assert.That(optedOut, Is.Empty);
    }
}
