import APICore
import CloudflareAPI
import KeycardAPI
import OpenAIAdminAPI

extension ProviderRegistry {
    /// The providers orgtui ships, in the order `--provider`, the demo banner and `:profile` list them. Adding a
    /// provider is a target of its own plus one line here.
    public static let standard = ProviderRegistry([CloudflareDescriptor(), OpenAIDescriptor(), KeycardDescriptor()])

    /// The provider a profile that names none speaks.
    public static let defaultProvider: Provider = .cloudflare
}
