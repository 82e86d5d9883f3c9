import APICore
import APITransport
import Foundation

/// Loads the user, accounts, members, tokens and invitations once and prints a summary.
///
/// This stands in for the console until it lands: it proves the whole stack over real HTTP.
enum LoadSummary {
    static func run(configuration: CloudflareConfiguration) async -> Int32 {
        let http = HTTPClientTransport()
        let client = CloudflareClient(configuration: configuration, transport: RetryingTransport(base: http))
        do {
            let user = UserProfile(cloudflare: try await client.user())
            print("Signed in as \(printable(user.email))")
            let accounts = try await client.accounts(.init(perPage: 50)).fetchAll().map(Account.init(cloudflare:))
            print("Accounts: \(accounts.count)")
            for account in accounts {
                let firstPage = try await client.members(accountID: account.id, .init(perPage: 50)).page(.page(1))
                let tokens = try await client.tokens(.account(id: account.id)).page(.page(1))
                print("  \(printable(account.name)) — \(firstPage.totalCount ?? firstPage.items.count) members, \(tokens.totalCount ?? tokens.items.count) account tokens")
            }
            let tokens = try await client.tokens(.user).fetchAll().map { Token(cloudflare: $0, scope: .user) }
            print("Your tokens: \(tokens.count) (\(tokens.filter { $0.status == .active }.count) active)")
            let invites = try await client.invites().fetchAll().map(Invitation.init(cloudflare:))
            print("Invitations: \(invites.count) (\(invites.filter { $0.status == .pending }.count) pending)")
            await http.shutdown()
            return 0
        } catch let error as APIError {
            FileHandle.standardError.write(Data("orgtui: \(error.userMessage)\n".utf8))
            await http.shutdown()
            return 1
        } catch {
            FileHandle.standardError.write(Data("orgtui: \(error)\n".utf8))
            await http.shutdown()
            return 1
        }
    }

    /// Shows control, format and bidi characters as `⟨U+XXXX⟩` so API text cannot drive the terminal.
    static func printable(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate:
                result += "⟨U+\(String(scalar.value, radix: 16, uppercase: true))⟩"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
