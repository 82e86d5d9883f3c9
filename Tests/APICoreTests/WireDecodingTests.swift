import APICore
import CloudflareAPI
import Foundation
import Testing

@Suite("Cloudflare wire models decode as on the wire")
struct WireDecodingTests {
    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    @Test func userWithOrganizations() throws {
        let user = try decode(
            Cloudflare.User.self,
            """
            {"id":"u1","email":"a@example.com","first_name":"Ada","last_name":null,"two_factor_authentication_enabled":true,
             "betas":["x"],"organizations":[{"id":"o1","name":"Org","status":"member","roles":["Admin"],"permissions":["#zones:read"]}],
             "some_future_field":{"nested":1}}
            """)
        #expect(user.firstName == "Ada")
        #expect(user.lastName == nil)
        #expect(user.organizations?.first?.roles == ["Admin"])
        #expect(UserProfile(cloudflare: user).name == "Ada")
    }

    @Test func inviteWithUnknownStatusStaysReadable() throws {
        let invite = try decode(
            Cloudflare.Invite.self,
            """
            {"id":"i1","organization_id":"acc9","organization_name":"Acme","invited_by":"boss@acme.test",
             "invited_member_email":"me@example.com","roles":["Administrator"],"status":"snoozed",
             "organization_is_enforcing_twofactor":true,"invited_on":"2024-05-01T10:00:00Z","expires_on":"2024-05-08T10:00:00.123Z"}
            """)
        #expect(invite.status == .unknown("snoozed"))
        let invitation = Invitation(cloudflare: invite)
        #expect(invitation.status == .unknown("snoozed"))
        #expect(invitation.accountID == "acc9")
        #expect(invitation.expiresOn != nil)
        #expect(invitation.invitedOn != nil)
    }

    @Test func tokenWithNestedResourcesAndConditions() throws {
        let token = try decode(
            Cloudflare.Token.self,
            """
            {"id":"t1","name":"ci-deploy","status":"active","issued_on":"2024-01-01T00:00:00Z","modified_on":"2024-02-01T00:00:00Z",
             "last_used_on":"2024-03-01T00:00:00Z","expires_on":"2030-01-01T00:00:00Z",
             "condition":{"request_ip":{"in":["192.0.2.0/24"],"not_in":["192.0.2.1/32"]}},
             "policies":[{"id":"p1","effect":"allow","permission_groups":[{"id":"pg1","name":"DNS Write","meta":{"label":"dns"}}],
                          "resources":{"com.cloudflare.api.account.acc1":{"com.cloudflare.api.account.zone.*":"*"},"com.cloudflare.api.user.u1":"*"}}]}
            """)
        let domain = Token(cloudflare: token, scope: .account(id: "acc1"))
        #expect(domain.status == .active)
        #expect(domain.allowedIPRanges == ["192.0.2.0/24"])
        #expect(domain.deniedIPRanges == ["192.0.2.1/32"])
        #expect(domain.policies.first?.permissionGroups == ["DNS Write"])
        #expect(domain.policies.first?.resources.count == 2)
        #expect(domain.lastUsedOn != nil)
    }

    @Test func tokenWithMissingFieldsAndUnknownStatus() throws {
        let token = try decode(Cloudflare.Token.self, #"{"id":"t2","status":"revoked-ish"}"#)
        #expect(Token(cloudflare: token, scope: .user).status == .unknown("revoked-ish"))
    }

    @Test func memberWithRolesAndPolicies() throws {
        let member = try decode(
            Cloudflare.Member.self,
            """
            {"id":"m1","status":"accepted","user":{"email":"ann@acme.test","first_name":"Ann","last_name":"Lee","two_factor_authentication_enabled":false},
             "roles":[{"id":"r1","name":"Administrator","description":"Can do most things","permissions":{"dns":{"read":true,"write":true}}}],
             "policies":[{"id":"p","access":"allow","permission_groups":[{"id":"pg"}],"resource_groups":[{"id":"rg","scope":{"key":"k","objects":[{"key":"o"}]}}]}]}
            """)
        let domain = Member(cloudflare: member, accountID: "acc1")
        #expect(domain.name == "Ann Lee")
        #expect(domain.status == .active)
        #expect(domain.roles.map(\.name) == ["Administrator"])
        #expect(domain.twoFactorEnabled == false)
        #expect(member.roles?.first?.permissions?["dns"]?.write == true)
    }

    @Test func accountAuditLogWithCursor() throws {
        let envelope = try decode(
            Cloudflare.Envelope<[Cloudflare.AccountAuditLog]>.self,
            """
            {"success":true,"errors":[],"messages":[],"result":[{"id":"a1","action":{"type":"create","result":"success","time":"2024-01-01T00:00:00Z"},
             "actor":{"email":"x@y.z","ip_address":"192.0.2.1","token_id":"t1"},"raw":{"method":"POST","status_code":200},"resource":{"scope":{"a":1}}}],
             "result_info":{"cursors":{"after":"abc"}}}
            """)
        #expect(envelope.resultInfo?.cursors?.after == "abc")
        #expect(envelope.result?.first?.raw?.statusCode == 200)
        #expect(envelope.result?.first?.actor?.ipAddress == "192.0.2.1")
    }

    @Test func userAuditLogUsesCamelCaseValues() throws {
        let log = try decode(
            Cloudflare.AuditLog.self,
            """
            {"id":"l1","action":{"type":"add","result":true},"actor":{"email":"a@b.c","type":"user"},"newValue":"on","oldValue":"off",
             "metadata":{"zone_name":"example.com"},"when":"2024-01-01T00:00:00Z"}
            """)
        #expect(log.newValue == "on")
        #expect(log.oldValue == "off")
        #expect(log.metadata?.objectValue?["zone_name"] == .string("example.com"))
    }

    @Test func subscriptionsBillingAndPermissionGroups() throws {
        let subscription = try decode(
            Cloudflare.Subscription.self,
            """
            {"id":"s1","currency":"USD","price":20,"frequency":"monthly","state":"Paid","rate_plan":{"id":"pro","public_name":"Pro","externally_managed":false}}
            """)
        #expect(subscription.ratePlan?.publicName == "Pro")
        let history = try decode(
            Cloudflare.BillingHistory.self,
            """
            {"id":"b1","action":"subscription","amount":20.99,"currency":"USD","description":"Pro","occurred_at":"2024-01-01T00:00:00Z","type":"charge","zone":{"name":"example.com"}}
            """)
        #expect(history.amount == 20.99)
        let profile = try decode(
            Cloudflare.BillingProfile.self, #"{"id":"bp","card_expiry_year":2030,"is_partner":false}"#)
        #expect(profile.cardExpiryYear == 2030)
        let group = try decode(
            Cloudflare.PermissionGroup.self,
            """
            {"id":"pg","name":"DNS Read","is_selectable":true,"category":"dns_and_zones","scopes":["com.cloudflare.api.account.zone"]}
            """)
        #expect(group.isSelectable == true)
    }

    @Test func accountMapsToDomain() throws {
        let account = try decode(
            Cloudflare.Account.self,
            """
            {"id":"acc1","name":"Acme","type":"enterprise","created_on":"2020-01-01T00:00:00.5Z","settings":{"enforce_twofactor":true},
             "managed_by":{"parent_org_id":"p","parent_org_name":"Parent"}}
            """)
        let domain = Account(cloudflare: account)
        #expect(domain.kind == "enterprise")
        #expect(domain.enforcesTwoFactor == true)
        #expect(domain.createdOn != nil)
    }

    @Test func wireBodiesEncodeExactly() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let create = Cloudflare.MemberCreate(email: "new@acme.test", roles: ["r1"])
        #expect(
            String(decoding: try encoder.encode(create), as: UTF8.self)
                == #"{"email":"new@acme.test","roles":["r1"],"status":"pending"}"#)
        let update = Cloudflare.MemberUpdate(roles: [.init(id: "r1")])
        #expect(String(decoding: try encoder.encode(update), as: UTF8.self) == #"{"roles":[{"id":"r1"}]}"#)
        let respond = Cloudflare.InviteResponseBody(status: InvitationResponse.accept.rawValue)
        #expect(String(decoding: try encoder.encode(respond), as: UTF8.self) == #"{"status":"accepted"}"#)
    }
}
