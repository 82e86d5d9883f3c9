#!/usr/bin/env python3
"""Runs one scenario of the official Keycard Python SDK (PyPI `keycardai-api` 0.18.0) against a server.

Used by `Tests/IntegrationTests/KeycardConformanceTests.swift` to check that the DemoServer speaks the same wire
format as the Keycard Management API: if the official SDK cannot use our fake, the fake is wrong. The SDK runs
unchanged, with strict response validation on (a response that does not match its pydantic models fails).

Configuration comes from the SDK's own environment variables:
  KEYCARD_API_BASE_URL                            e.g. http://127.0.0.1:54321
  KEYCARD_API_API_KEY                             the bearer API key, or
  KEYCARD_API_CLIENT_ID + KEYCARD_API_CLIENT_SECRET   a service-account credential (OAuth2 client credentials)

The SDK hard-codes its token URL to https://api.keycard.ai/service-account-token. To point it at the server
without changing the SDK, every scenario hands it an `http_client` (a parameter the SDK has) whose transport sends
requests for api.keycard.ai to KEYCARD_API_BASE_URL instead. The same transport records each request's method,
path, query and a few headers, which scenarios report as `wire`.

Usage:
  keycard_conformance.py organizations [--limit N]
  keycard_conformance.py invitations ORGANIZATION_ID
  keycard_conformance.py credential ORGANIZATION_ID SERVICE_ACCOUNT_ID
  keycard_conformance.py service-account ORGANIZATION_ID SERVICE_ACCOUNT_ID --name NAME [--description TEXT]
  keycard_conformance.py client-credentials
  keycard_conformance.py sso ORGANIZATION_ID
  keycard_conformance.py invitation-token TOKEN
  keycard_conformance.py autherror
  keycard_conformance.py notfound
  keycard_conformance.py retry429
  keycard_conformance.py sweep

On success exactly one JSON object is printed on stdout and the exit status is 0. On failure a message goes to
stderr and the exit status is non-zero (2 for an HTTP error from the server, 3 for a response the SDK could not
validate, 4 for a scenario precondition that did not hold, 1 for anything else).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from typing import Any, Callable, Dict, List, NoReturn, Optional

try:
    import httpx
    import keycardai_api
    from keycardai_api import KeycardAPI
except ImportError as error:  # pragma: no cover - reported to the Swift side
    print(f"cannot import the keycardai-api SDK: {error} (run scripts/setup-venv.sh)", file=sys.stderr)
    sys.exit(1)

EXPECTED_SDK_VERSION = "0.18.0"
HARD_CODED_TOKEN_HOST = "api.keycard.ai"


class ScenarioFailure(Exception):
    """A precondition of the scenario did not hold."""


def fail(message: str, code: int = 1) -> NoReturn:
    print(f"keycard_conformance: {message}", file=sys.stderr)
    sys.exit(code)


class RedirectingTransport(httpx.BaseTransport):
    """Sends requests for the SDK's hard-coded api.keycard.ai to the server under test, and records every request."""

    def __init__(self, target: httpx.URL) -> None:
        self._target = target
        self._inner = httpx.HTTPTransport()
        self.requests: List[Dict[str, Any]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        redirected = request.url.host == HARD_CODED_TOKEN_HOST
        if redirected:
            request.url = request.url.copy_with(
                scheme=self._target.scheme, host=self._target.host, port=self._target.port
            )
            request.headers["Host"] = request.url.netloc.decode("ascii")
        authorization = request.headers.get("authorization", "")
        self.requests.append({
            "method": request.method,
            "path": request.url.path,
            "query": request.url.query.decode("ascii"),
            "accept": request.headers.get("accept"),
            "content_type": request.headers.get("content-type"),
            "auth_scheme": authorization.split(" ", 1)[0] if authorization else None,
            "redirected": redirected,
        })
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


def make_client(strict: bool) -> "tuple[KeycardAPI, RedirectingTransport]":
    base_url = os.environ.get("KEYCARD_API_BASE_URL")
    if not base_url:
        fail("environment variable KEYCARD_API_BASE_URL is not set")
    if not os.environ.get("KEYCARD_API_API_KEY") and not os.environ.get("KEYCARD_API_CLIENT_ID"):
        fail("set KEYCARD_API_API_KEY or KEYCARD_API_CLIENT_ID with KEYCARD_API_CLIENT_SECRET")
    transport = RedirectingTransport(httpx.URL(base_url))
    http_client = keycardai_api.DefaultHttpxClient(transport=transport)
    # Base URL and credentials are read by the SDK itself from the environment.
    return KeycardAPI(http_client=http_client, _strict_response_validation=strict), transport


def dump(model: Any) -> Any:
    """A JSON-ready dict of an SDK model, as the SDK parsed it."""
    if model is None:
        return None
    return model.to_dict(mode="json")


def error_body(error: "keycardai_api.APIStatusError") -> Any:
    return error.body if isinstance(error.body, (dict, list)) else None


def describe_validation_error(error: "keycardai_api.APIResponseValidationError") -> str:
    lines = [f"the SDK rejected the response to {error.request.method} {error.request.url} (HTTP {error.status_code})"]
    cause = error.__cause__
    problems = cause.errors() if hasattr(cause, "errors") else []
    for problem in problems[:5]:
        path = ".".join(str(part) for part in problem.get("loc", ()))
        lines.append(f"  {path}: {problem.get('msg')} (got {json.dumps(problem.get('input'))[:300]})")
    if not problems:
        lines.append(f"  {cause or error.message}")
    return "\n".join(lines)


# Scenarios


def scenario_organizations(client: KeycardAPI, args: argparse.Namespace) -> Dict[str, Any]:
    """Follows `after=end_cursor` to the end, then `before=start_cursor` back to the start."""
    forward: List[str] = []
    pages = 0
    after: Optional[str] = None
    last = None
    while True:
        params: Dict[str, Any] = {"limit": args.limit, "expand": ["permissions"]}
        if after:
            params["after"] = after
        page = client.organizations.list(**params)
        pages += 1
        forward += [organization.id for organization in page.items]
        last = page
        if not page.page_info.has_next_page or pages > 1000:
            break
        after = page.page_info.end_cursor
    backward: List[str] = [organization.id for organization in last.items] if last is not None else []
    before = last.page_info.start_cursor if last is not None else None
    has_prev = last.page_info.has_prev_page if last is not None else False
    while has_prev and before:
        page = client.organizations.list(limit=args.limit, before=before)
        backward = [organization.id for organization in page.items] + backward
        has_prev = page.page_info.has_prev_page
        before = page.page_info.start_cursor
    first = client.organizations.retrieve(forward[0], expand=["permissions"]) if forward else None
    return {
        "scenario": "organizations",
        "forward": forward,
        "backward": backward,
        "pages": pages,
        "first": dump(first),
        "first_page_permissions": bool(first and first.permissions),
    }


def all_invitations(client: KeycardAPI, organization_id: str) -> List[Any]:
    items: List[Any] = []
    after: Optional[str] = None
    while True:
        page = client.organizations.invitations.list(organization_id, limit=100, **({"after": after} if after else {}))
        items += page.items
        if not page.page_info.has_next_page:
            return items
        after = page.page_info.end_cursor


def scenario_invitations(client: KeycardAPI, args: argparse.Namespace) -> Dict[str, Any]:
    before = all_invitations(client, args.organization_id)
    email = f"conformance.{int(time.time() * 1000)}@example.com"
    created = client.organizations.invitations.create(args.organization_id, email=email, role="org_viewer")
    client.organizations.invitations.delete(created.id, organization_id=args.organization_id)
    after = all_invitations(client, args.organization_id)
    revoked = next((invitation for invitation in after if invitation.id == created.id), None)
    return {
        "scenario": "invitations",
        "listed": [{"id": item.id, "status": item.status, "email": item.email} for item in before],
        "created": dump(created),
        "after_delete": dump(revoked),
        "count_after": len(after),
    }


def scenario_credential(client: KeycardAPI, args: argparse.Namespace) -> Dict[str, Any]:
    created = client.organizations.service_accounts.credentials.create(
        args.service_account_id, organization_id=args.organization_id, name="conformance", description="made by the SDK"
    )
    fetched = client.organizations.service_accounts.credentials.retrieve(
        created.id, organization_id=args.organization_id, service_account_id=args.service_account_id
    )
    listed = client.organizations.service_accounts.credentials.list(
        args.service_account_id, organization_id=args.organization_id, limit=100
    )
    return {
        "scenario": "credential",
        "id": created.id,
        "client_id": created.client_id,
        "client_secret": created.client_secret,
        "fetched": dump(fetched),
        "listed_ids": [item.id for item in listed.items],
    }


def scenario_service_account(client: KeycardAPI, args: argparse.Namespace) -> Dict[str, Any]:
    params: Dict[str, Any] = {"organization_id": args.organization_id, "name": args.name}
    if args.description is not None:
        params["description"] = args.description
    updated = client.organizations.service_accounts.update(args.service_account_id, **params)
    fetched = client.organizations.service_accounts.retrieve(args.service_account_id, organization_id=args.organization_id)
    return {"scenario": "service-account", "updated": dump(updated), "fetched": dump(fetched)}


def scenario_client_credentials(client: KeycardAPI, transport: RedirectingTransport) -> Dict[str, Any]:
    first = client.organizations.list()
    second = client.organizations.list()  # the cached token: no second token request
    token_requests = [entry for entry in transport.requests if entry["path"].endswith("/service-account-token")]
    return {
        "scenario": "client-credentials",
        "organizations": [organization.id for organization in first.items],
        "again": [organization.id for organization in second.items],
        "token_requests": len(token_requests),
        "token_request_redirected": all(entry["redirected"] for entry in token_requests),
        "token_request_auth": [entry["auth_scheme"] for entry in token_requests],
        "api_auth": [entry["auth_scheme"] for entry in transport.requests if entry not in token_requests],
    }


def scenario_sso(client: KeycardAPI, args: argparse.Namespace) -> Dict[str, Any]:
    sso = client.organizations.sso_connection
    organization = args.organization_id
    try:
        sso.retrieve(organization)
        raise ScenarioFailure("the organization already has SSO")
    except keycardai_api.NotFoundError as error:
        off_body = error_body(error)
    enabled = sso.enable(
        organization, client_id="conformance-client", identifier="https://idp.example/oauth2", client_secret="s3cret",
        protocols={"openid": {"scopes": ["groups"]}},
    )
    try:
        sso.enable(organization, client_id="again", identifier="https://idp.example/oauth2")
        conflict_status = None
    except keycardai_api.APIStatusError as error:
        conflict_status = error.status_code
    updated = sso.update(organization, identifier="https://idp2.example/oauth2")
    fetched = sso.retrieve(organization)
    sso.disable(organization)
    try:
        sso.retrieve(organization)
        after_status = 200
    except keycardai_api.NotFoundError as error:
        after_status = error.status_code
    return {
        "scenario": "sso",
        "off_body": off_body,
        "enabled": dump(enabled),
        "conflict_status": conflict_status,
        "updated": dump(updated),
        "fetched": dump(fetched),
        "after_disable_status": after_status,
    }


def scenario_invitation_token(client: KeycardAPI, args: argparse.Namespace) -> Dict[str, Any]:
    preview = client.invitations.retrieve(args.token)
    accepted = client.invitations.accept(args.token)
    again = client.invitations.retrieve(args.token)
    return {"scenario": "invitation-token", "preview": dump(preview), "accepted": dump(accepted), "after": dump(again)}


def scenario_autherror(client: KeycardAPI, _: argparse.Namespace) -> Dict[str, Any]:
    try:
        result = client.organizations.list()
    except keycardai_api.APIStatusError as error:
        return {"scenario": "autherror", "exception": type(error).__name__, "status_code": error.status_code,
                "body": error_body(error)}
    raise ScenarioFailure(f"the call succeeded with credentials that should be rejected: {result!r}")


def scenario_notfound(client: KeycardAPI, _: argparse.Namespace) -> Dict[str, Any]:
    try:
        result = client.organizations.retrieve("no-such-organization")
    except keycardai_api.APIStatusError as error:
        return {"scenario": "notfound", "exception": type(error).__name__, "status_code": error.status_code,
                "body": error_body(error)}
    raise ScenarioFailure(f"an unknown organization was found: {result!r}")


def scenario_retry429(client: KeycardAPI, _: argparse.Namespace) -> Dict[str, Any]:
    started = time.monotonic()
    raw = client.organizations.with_raw_response.list()
    elapsed = time.monotonic() - started
    page = raw.parse()
    return {
        "scenario": "retry429",
        "status_code": raw.status_code,
        "retries_taken": raw.retries_taken,
        "first_request_seconds": round(elapsed, 3),
        "count": len(page.items),
    }


def scenario_sweep(client: KeycardAPI, _: argparse.Namespace) -> Dict[str, Any]:
    """Every read of organizations, invitations, service accounts, credentials and SSO, strictly validated."""
    calls: Dict[str, Callable[[], Any]] = {}
    organizations = client.organizations.list(limit=100, expand=["permissions"]).items
    for organization in organizations:
        org = organization.id
        calls[f"organizations.retrieve {org}"] = lambda o=org: client.organizations.retrieve(o, expand=["permissions"])
        calls[f"organizations.retrieve label {org}"] = lambda label=organization.label: client.organizations.retrieve(label)
        calls[f"invitations.list {org}"] = lambda o=org: client.organizations.invitations.list(o, expand=["permissions"])
        calls[f"service_accounts.list {org}"] = lambda o=org: client.organizations.service_accounts.list(
            o, expand=["permissions"])
        if organization.sso_enabled:
            calls[f"sso_connection.retrieve {org}"] = lambda o=org: client.organizations.sso_connection.retrieve(
                o, expand=["permissions"])
        for account in client.organizations.service_accounts.list(org, limit=100).items:
            sa = account.id
            calls[f"service_accounts.retrieve {sa}"] = lambda o=org, s=sa: client.organizations.service_accounts.retrieve(
                s, organization_id=o, expand=["permissions"])
            calls[f"credentials.list {sa}"] = lambda o=org, s=sa: client.organizations.service_accounts.credentials.list(
                s, organization_id=o, expand=["permissions"])
            for credential in client.organizations.service_accounts.credentials.list(sa, organization_id=org).items:
                calls[f"credentials.retrieve {credential.id}"] = (
                    lambda o=org, s=sa, c=credential.id: client.organizations.service_accounts.credentials.retrieve(
                        c, organization_id=o, service_account_id=s, expand=["permissions"]))
    results = []
    for name, call in calls.items():
        entry: Dict[str, Any] = {"call": name, "ok": True, "error": None}
        try:
            call()
        except keycardai_api.APIResponseValidationError as error:
            entry.update(ok=False, error=describe_validation_error(error))
        except keycardai_api.APIStatusError as error:
            entry.update(ok=False, error=f"HTTP {error.status_code} from {error.request.url}: {error_body(error)}")
        results.append(entry)
    return {"scenario": "sweep", "organizations": len(organizations), "calls": results}


SCENARIOS: Dict[str, Callable[[KeycardAPI, argparse.Namespace], Dict[str, Any]]] = {
    "organizations": scenario_organizations,
    "invitations": scenario_invitations,
    "credential": scenario_credential,
    "service-account": scenario_service_account,
    "sso": scenario_sso,
    "invitation-token": scenario_invitation_token,
    "autherror": scenario_autherror,
    "notfound": scenario_notfound,
    "retry429": scenario_retry429,
    "sweep": scenario_sweep,
}


def parse_arguments(argv: List[str]) -> argparse.Namespace:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lenient", action="store_true", help="turn off strict response validation")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="scenario", required=True)
    organizations = commands.add_parser("organizations", parents=[common])
    organizations.add_argument("--limit", type=int, default=2)
    invitations = commands.add_parser("invitations", parents=[common])
    invitations.add_argument("organization_id")
    credential = commands.add_parser("credential", parents=[common])
    credential.add_argument("organization_id")
    credential.add_argument("service_account_id")
    service_account = commands.add_parser("service-account", parents=[common])
    service_account.add_argument("organization_id")
    service_account.add_argument("service_account_id")
    service_account.add_argument("--name", required=True)
    service_account.add_argument("--description", default=None)
    commands.add_parser("client-credentials", parents=[common])
    sso = commands.add_parser("sso", parents=[common])
    sso.add_argument("organization_id")
    token = commands.add_parser("invitation-token", parents=[common])
    token.add_argument("token")
    for name in ("autherror", "notfound", "retry429", "sweep"):
        commands.add_parser(name, parents=[common])
    return parser.parse_args(argv)


def main(argv: List[str]) -> int:
    args = parse_arguments(argv)
    if keycardai_api.__version__ != EXPECTED_SDK_VERSION:
        fail(f"keycardai-api SDK {keycardai_api.__version__} installed, expected {EXPECTED_SDK_VERSION}")
    client, transport = make_client(strict=not args.lenient)
    try:
        if args.scenario == "client-credentials":
            result = scenario_client_credentials(client, transport)
        else:
            result = SCENARIOS[args.scenario](client, args)
    except keycardai_api.APIResponseValidationError as error:
        fail(f"{args.scenario}: {describe_validation_error(error)}", 3)
    except keycardai_api.APIStatusError as error:
        fail(f"{args.scenario}: HTTP {error.status_code} from {error.request.method} {error.request.url}: "
             f"{json.dumps(error_body(error))}", 2)
    except keycardai_api.APIConnectionError as error:
        fail(f"{args.scenario}: cannot reach {error.request.url}: {error.__cause__ or error}")
    except ScenarioFailure as error:
        fail(f"{args.scenario}: {error}", 4)
    except Exception:  # noqa: BLE001 - anything else is a bug somewhere: show the whole traceback
        traceback.print_exc()
        fail(f"{args.scenario}: unexpected error")
    result["sdk_version"] = keycardai_api.__version__
    result["wire"] = transport.requests
    json.dump(result, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
