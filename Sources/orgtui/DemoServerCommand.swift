import ArgumentParser
import DemoServer
import Foundation

/// `orgtui demo-server`: the demo backend on its own, for other clients and tests.
struct DemoServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-server",
        abstract: "Run the demo backend (fakes of the Cloudflare v4 and OpenAI Admin APIs) on 127.0.0.1.",
        discussion: """
            Prints 'orgtui demo-server listening on <base URL>' as its first line, then the API token to use \
            (Authorization: Bearer <token>), then 'openai <base URL>' (OPENAI_BASE_URL; with --token the same \
            token is also the OpenAI admin key). Stop it with Ctrl-C or SIGTERM.
            """)

    @Option(name: .long, help: "TCP port on 127.0.0.1 (0 picks a free one).")
    var port = 0

    @Option(name: .long, help: "The demo API token (random if omitted). A demo value, not a real credential.")
    var token: String?

    @Option(name: .long, help: "Members of the big account (up to 100000).")
    var members = 2_500

    @Option(name: .customLong("openai-users"), help: "Users of the OpenAI organization (up to 100000).")
    var openAIUsers = 1_200

    @Option(name: .long, help: "Seed of the generated data.")
    var seed: UInt64 = 1

    func run() async throws {
        let server = try await DemoServer.start(
            DemoServerConfiguration(port: port, token: token, members: members, seed: seed, openAIUsers: openAIUsers))
        // Written unbuffered: whoever started the server reads these lines from a pipe while it runs.
        let banner = """
            orgtui demo-server listening on \(server.cloudflareBaseURL.absoluteString)
            \(server.loginToken)
            openai \(server.openAIBaseURL.absoluteString)
            keycard \(server.keycardBaseURL.absoluteString)

            """
        FileHandle.standardOutput.write(Data(banner.utf8))
        await TerminationSignal.wait()
        await server.stop()
    }
}
