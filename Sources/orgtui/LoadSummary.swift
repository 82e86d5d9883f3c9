import APICore
import Foundation

/// Loads the identity, the top-level accounts, members and tokens once and prints a summary (for `--summary`, or
/// when standard output is not a terminal): it proves the whole stack over real HTTP without opening the console.
enum LoadSummary {
    static func run(configuration: ProviderConfiguration, transport: any Transport) async -> Int32 {
        await summarize(configuration.makeDirectory(transport: transport))
    }

    private static func summarize(_ directory: any IdentityDirectory) async -> Int32 {
        do {
            let user = try await directory.currentUser()
            print(
                "\(directory.provider.displayName): signed in as \(printable(user.email.isEmpty ? user.name ?? user.id : user.email))"
            )
            let accounts = try await directory.accounts(in: .top, nameFilter: nil).pagedList?.fetchAll() ?? []
            print("Accounts: \(accounts.count)")
            for account in accounts.prefix(20) {
                let scope = account.scopeNode.map { Scope([$0]) } ?? .top
                var members: Page<Member>?
                if let list = directory.members(in: scope, status: nil).pagedList {
                    members = try await list.page(list.first)
                }
                // A total the server gave is exact; without one, a further page means "at least".
                let shown =
                    members.map { page in
                        page.totalCount.map { " — \($0) members" }
                            ?? " — \(page.items.count)\(page.hasMore ? "+" : "") members"
                    } ?? ""
                print("  \(printable(account.name))\(shown)")
            }
            if let tokens = try await directory.tokens(in: .top).pagedList?.fetchAll() {
                print("Tokens: \(tokens.count) (\(tokens.filter { $0.status == .active }.count) active)")
            }
            if let received = try await directory.invitationAnswering?.receivedInvitations().pagedList?.fetchAll() {
                print("Invitations: \(received.count) (\(received.filter { $0.status == .pending }.count) pending)")
            } else if let sent = try await directory.sentInvitations(in: .top).pagedList?.fetchAll() {
                print("Invitations sent: \(sent.count) (\(sent.filter { $0.status == .pending }.count) pending)")
            }
            return 0
        } catch let error as APIError {
            FileHandle.standardError.write(Data("orgtui: \(error.userMessage)\n".utf8))
            return 1
        } catch {
            FileHandle.standardError.write(Data("orgtui: \(error)\n".utf8))
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
