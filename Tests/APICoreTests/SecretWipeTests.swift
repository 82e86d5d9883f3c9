import Testing

@testable import APICore

@Suite("Wiping a secret zeroes its bytes where they are")
struct SecretWipeTests {
    @Test func wipeZeroesTheStoredBytesForEveryHolder() {
        let secret = Secret("sk-admin-rotated-0123456789")
        let sameHolder = secret
        #expect(!secret.storedBytesAreZero)
        secret.wipe()
        #expect(secret.storedBytesAreZero, "the allocation itself is zeroed, not a copy of it")
        #expect(sameHolder.reveal() == nil)
        #expect(sameHolder.count == 0)
        #expect(!sameHolder.matches("sk-admin-rotated-0123456789"))
    }

    @Test func anEmptySecretWipesCleanly() {
        let secret = Secret("")
        secret.wipe()
        #expect(secret.isWiped)
        #expect(secret.reveal() == nil)
    }
}
