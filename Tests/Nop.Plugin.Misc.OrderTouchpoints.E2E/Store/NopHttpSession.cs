using System.Net;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>
/// One visitor of the store over HTTP: its own cookie jar, a browser User-Agent (nopCommerce treats curl-like
/// agents as its search-engine account) and the antiforgery token of the last page it fetched.
/// </summary>
public sealed partial class NopHttpSession : IDisposable
{
    private readonly HttpClient _client;
    private string? _token;

    public NopHttpSession(Uri baseUrl, string userAgent)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(100)
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
    }

    public CookieContainer Cookies { get; }

    public Uri BaseUrl => _client.BaseAddress!;

    /// <summary>GET, following redirects; keeps the page's antiforgery token for the next POST.</summary>
    public async Task<string> GetPageAsync(string path)
    {
        var response = await SendFollowingAsync(() => new HttpRequestMessage(HttpMethod.Get, path));
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
        RememberToken(html);
        return html;
    }

    public async Task<HttpResponseMessage> GetAsync(string path) => await _client.GetAsync(path);

    /// <summary>POST a form with the remembered token; AJAX posts carry X-Requested-With like nopCommerce's scripts.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, bool ajax = false)
    {
        var form = fields.ToList();
        if (_token is not null && form.All(f => f.Key != "__RequestVerificationToken"))
            form.Add(new("__RequestVerificationToken", _token));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (ajax)
            request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        return await _client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        return await _client.SendAsync(request);
    }

    public string Token => _token ?? throw new InvalidOperationException("no page with an antiforgery token was fetched yet");

    public async Task LoginAsync(string email, string password)
    {
        await GetPageAsync("login");
        var response = await PostFormAsync("login", [new("Email", email), new("Password", password), new("RememberMe", "false")]);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"login as the given account failed: {(int)response.StatusCode}");
    }

    private async Task<HttpResponseMessage> SendFollowingAsync(Func<HttpRequestMessage> create)
    {
        var request = create();
        for (var hop = 0; ; hop++)
        {
            var response = await _client.SendAsync(request);
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.MovedPermanently or HttpStatusCode.SeeOther) || hop == 10)
                return response;
            request = new HttpRequestMessage(HttpMethod.Get, new Uri(request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(BaseUrl, request.RequestUri), response.Headers.Location!));
        }
    }

    private void RememberToken(string html)
    {
        if (TokenInput().Match(html) is { Success: true } match)
            _token = match.Groups["token"].Value;
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""(?<token>[^""]+)""")]
    private static partial Regex TokenInput();

    public void Dispose() => _client.Dispose();
}
