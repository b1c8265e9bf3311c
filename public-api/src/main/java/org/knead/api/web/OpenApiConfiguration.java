package org.knead.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs: the contract of API.md, with the problem answers of every operation. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI knead() {
        Schema<?> problem = new ObjectSchema()
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad parameter: size"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("size must be between 1 and 100, not 0."))
                .addProperty("instance", new StringSchema());
        return new OpenAPI()
                .info(new Info().title("Knead public API").version("v1")
                        .description("Read-only access to Knead's published neck and back pain relief content: techniques,"
                                + " symptoms, causes, self-care tips, medical warnings and articles, and search with red"
                                + " flags. Only published revisions are served. Errors are RFC 9457 problems."
                                + " Answers carry ETag and Cache-Control; clients are rate limited (429 with Retry-After).")
                        .license(new License().name("Content: see the site's terms")))
                .components(new Components().addSchemas(PROBLEM, problem));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> api.getPaths().values().forEach(path -> path.readOperations().forEach(op -> {
            op.getResponses().addApiResponse("400", problem("A bad parameter"));
            if (op.getParameters() != null && op.getParameters().stream().anyMatch(p -> "slug".equals(p.getName()))) {
                op.getResponses().addApiResponse("404", problem("No published item has this slug"));
            }
            op.getResponses().addApiResponse("429", problem("Too many requests from this client")
                    .addHeaderObject("Retry-After", new Header().description("seconds to wait")
                            .schema(new IntegerSchema())));
        }));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
