"""schemathesis against the served OpenAPI spec: no generated request gets a 5xx.

schemathesis' own pytest plugin does not run under this pytest (9.x), so the test walks the
operations itself and runs each one's hypothesis strategy.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

EXAMPLES_PER_OPERATION = 15  # 15 operations: about 25 s in all


def test_no_generated_request_gets_a_server_error(served: tuple[str, Path]) -> None:
    base, _ = served
    schema = schemathesis.openapi.from_url(f"{base}/api/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10, [op.label for op in operations]
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def check(case: Any) -> None:
            case.call_and_validate(checks=[not_a_server_error], timeout=60)

        check()
