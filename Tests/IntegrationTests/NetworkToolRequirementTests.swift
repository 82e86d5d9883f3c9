import Testing

/// Fails (rather than letting the proxy and TLS suites skip) when CI asks for them and a tool is missing.
struct NetworkToolRequirementTests {
    @Test func theNetworkToolsArePresentWhenRequired() {
        guard NetworkTools.isRequired else { return }
        #expect(
            NetworkTools.openssl != nil,
            "ORGTUI_REQUIRE_NETWORK/E2E is set but openssl is missing: apt-get install openssl")
        #expect(
            NetworkTools.tinyproxy != nil,
            "ORGTUI_REQUIRE_NETWORK/E2E is set but tinyproxy is missing: apt-get install tinyproxy")
    }
}
