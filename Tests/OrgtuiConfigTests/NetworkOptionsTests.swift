import APICore
import Foundation
import OrgtuiConfig
import Testing

/// A profile's `proxy`, `ca_file`, `connect_timeout` and `request_timeout`.
@Suite struct NetworkOptionsTests {
    @Test func aProfileReadsItsNetworkSettings() throws {
        let config = try ConfigFile.parse(
            """
            [profiles.work]
            proxy = "http://proxy.corp.example:3128"
            ca_file = "~/corp-ca.pem"
            connect_timeout = 5
            request_timeout = 2.5

            [profiles.home]
            """, origin: "c")
        #expect(config.warnings == [])
        #expect(
            config.profiles["work"]?.network
                == NetworkOptions(
                    proxy: "http://proxy.corp.example:3128", caFile: "~/corp-ca.pem", connectTimeout: .seconds(5),
                    requestTimeout: .milliseconds(2500)))
        #expect(config.profiles["home"]?.network == .defaults)
    }

    @Test func aTimeoutThatIsNotAPositiveNumberIsAnError() {
        for (value, problem) in [("\"10\"", "a number of seconds"), ("0", "between 0 and 3600"), ("-1", "between")] {
            do {
                _ = try ConfigFile.parse("[profiles.work]\nconnect_timeout = \(value)\n", origin: "c")
                Issue.record("\(value) was accepted")
            } catch {
                #expect(error.message.contains("profiles.work.connect_timeout"), "\(error.message)")
                #expect(error.message.contains(problem), "\(error.message)")
            }
        }
    }

    @Test func theResolvedProfileCarriesItsNetworkSettings() async throws {
        let config = try ConfigFile.parse(
            "[profiles.work]\ntoken_command = \"printf tok\"\nproxy = \"direct\"\nrequest_timeout = 60\n", origin: "c")
        let resolved = try await ProfileResolver(config: config, environment: [:]).resolve(profileNamed: "work")
        #expect(resolved.network == NetworkOptions(proxy: "direct", requestTimeout: .seconds(60)))
    }
}
