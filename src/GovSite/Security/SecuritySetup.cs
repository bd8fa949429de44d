namespace GovSite.Security;

public static class SecuritySetup
{
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RateLimits>();
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection("RateLimits"));
        // The older settings, from the in-memory limiters these replaced, keep working.
        var config = builder.Configuration;
        builder.Services.PostConfigure<RateLimitOptions>(o =>
        {
            if (config.GetValue<int?>("Citizens:SignInPerMinute") is int signIns)
            {
                o.Rules[RateLimitOptions.CitizenSignIn].Limit = signIns;
            }
            if (config.GetValue<int?>("GOVSITE_SEARCH_RATE") is int searches)
            {
                o.Rules[RateLimitOptions.Search].Limit = searches;
            }
            if (config.GetValue<int?>("Files:UploadsPerMinute") is int uploads)
            {
                o.Rules[RateLimitOptions.Uploads].Limit = uploads;
            }
            foreach (var bucket in (string[])[RateLimitOptions.Opinions, RateLimitOptions.SurveyAnswers, RateLimitOptions.InterviewQuestions])
            {
                if (config.GetValue<int?>("Participation:PostsPerWindow") is int posts)
                {
                    o.Rules[bucket].Limit = posts;
                }
                if (config.GetValue<int?>("Participation:WindowMinutes") is int minutes)
                {
                    o.Rules[bucket].WindowSeconds = minutes * 60;
                }
            }
        });
        return builder;
    }

    /// <summary>Early in the pipeline, after forwarded headers (https is known) and before the page cache.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeaders>();
}
