using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hotline.Web.Apis;

/// <summary>
/// Declares the API-key bearer scheme in the OpenAPI document and requires it on every tickets operation, so
/// generated clients and API explorers know to send <c>Authorization: Bearer &lt;key&gt;</c>.
/// </summary>
public sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The scheme's name in <c>components.securitySchemes</c>.</summary>
    public const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "API key",
            Description = "由系统管理员在 /admin/api-keys 签发的 API 密钥，按密钥绑定的角色（及承办单位）授权。",
        };

        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/api/tickets", StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(SchemeName, document)] = [],
                });
            }
        }

        return Task.CompletedTask;
    }
}
