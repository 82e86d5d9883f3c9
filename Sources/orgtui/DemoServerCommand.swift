import ArgumentParser
import DemoServer
import Foundation

/// `orgtui demo-server`: the demo backend on its own, for other clients and tests.
struct DemoServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-server",
        abstract: "Run the demo backend (a fake of the Cloudflare v4 User and Accounts APIs) on 127.0.0.1.",
        discussion: """
            Prints 'orgtui demo-server listening on <base URL>' as its first line, then the API token to use \
            (Authorization: Bearer <token>). Stop it with Ctrl-C or SIGTERM.
            """)

    @Option(name: .long, help: "TCP port on 127.0.0.1 (0 picks a free one).")
    var port = 0

    @Option(name: .long, help: "The demo API token (random if omitted). A demo value, not a real credential.")
    var token: String?

    @Option(name: .long, help: "Members of the big account (up to 100000).")
    var members = 2_500

    @Option(name: .long, help: "Seed of the generated data.")
    var seed: UInt64 = 1

    func run() async throws {
        let server = try await DemoServer.start(
            DemoServerConfiguration(port: port, token: token, members: members, seed: seed))
        // Written unbuffered: whoever started the server reads these lines from a pipe while it runs.
        var banner = "orgtui demo-server listening on \(server.cloudflareBaseURL.absoluteString)\n\(server.loginToken)\n"
        banner += "keycard \(server.keycardBaseURL.absoluteString)\n"
        FileHandle.standardOutput.write(Data(banner.utf8))
        await TerminationSignal.wait()
        await server.stop()
    }
}
