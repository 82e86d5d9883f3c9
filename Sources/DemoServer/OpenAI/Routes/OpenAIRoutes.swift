import Hummingbird

/// The OpenAI Admin API under `/v1` (api/openai.md §4–§7), served next to Cloudflare's `/client/v4`.
enum OpenAIRoutes {
    /// Path prefix of the OpenAI API.
    static let prefix = "/v1"

    /// Whether `path` belongs to the OpenAI API (so errors take its shape and its keys authenticate).
    static func handles(_ path: String) -> Bool {
        path == prefix || path.hasPrefix(prefix + "/")
    }

    /// Registers every `/v1` route on `router`.
    static func register(on router: Router<DemoRequestContext>, store: OpenAIStore) {
        let organization = router.group("v1/organization")
        OpenAIUserRoutes(store: store).register(on: organization)
        OpenAIOrganizationRoutes(store: store).register(on: organization)
        OpenAIProjectRoutes(store: store).register(on: organization.group("projects"))
    }

    /// A required path parameter (an empty one names nothing: 404).
    static func parameter(_ name: String, in context: DemoRequestContext) throws -> String {
        guard let value = context.parameters.get(name), !value.isEmpty else {
            throw OpenAIAPIError(status: 404, message: "Not found.", code: "not_found")
        }
        return value
    }

    /// A boolean query parameter (`true`/`false`); 400 otherwise.
    static func bool(_ name: String, in query: QueryItems) throws -> Bool? {
        guard let value = query[name] else { return nil }
        switch value.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default:
            throw OpenAIAPIError.invalid(
                "Invalid '\(name)': expected a boolean, but got '\(value)' instead.", param: name, code: "invalid_type")
        }
    }
}
