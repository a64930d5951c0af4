using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Referrals.Umbraco.Api.Infrastructure;

/// <summary>Reads a request body with <see cref="ReferralsJson"/>; bad JSON becomes a model error keyed by the JSON path.</summary>
internal sealed class ReferralsJsonBodyBinder : IModelBinder
{
    /// <summary>The largest body the API reads.</summary>
    public const int MaximumBodyBytes = 256 * 1024;

    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var request = bindingContext.HttpContext.Request;
        if (request.ContentLength > MaximumBodyBytes)
        {
            bindingContext.ModelState.TryAddModelError("$", $"The body is larger than {MaximumBodyBytes} bytes.");
            return;
        }

        try
        {
            var value = request.ContentLength == 0
                ? null
                : await JsonSerializer.DeserializeAsync(request.Body, bindingContext.ModelType, ReferralsJson.Options, bindingContext.HttpContext.RequestAborted);
            if (value is null)
            {
                if (bindingContext.ModelMetadata.IsRequired || !bindingContext.ModelMetadata.IsReferenceOrNullableType)
                {
                    bindingContext.ModelState.TryAddModelError("$", "A JSON body is required.");
                }

                bindingContext.Result = ModelBindingResult.Success(null);
                return;
            }

            bindingContext.Result = ModelBindingResult.Success(value);
        }
        catch (JsonException ex)
        {
            bindingContext.ModelState.TryAddModelError(ex.Path ?? "$", $"The body is not valid JSON for this request: {Describe(ex)}");
        }
    }

    // The exception's own message can echo input; keep the part that says what was expected.
    private static string Describe(JsonException ex) =>
        ex.Message.Split(" Path:", 2)[0];
}
