"""Calls per second of the official Python SDK (justoneapi) against a local server.

    python_sdk.py <base URL> <calls> <repeats>

Prints one JSON object per case, like RuntimeBenchmark.
"""
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from justoneapi import JustOneAPIClient

base_url, calls, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
client = JustOneAPIClient(token="benchmark-token", base_url=base_url)
resource = getattr(client, "douyin_xingtu")


def call(_=None):
    response = resource.gw_api_data_sp_get_author_convert_ability_v1(o_author_id="7012345")
    if getattr(response, "code", 0) != 0:
        raise RuntimeError(response)


for concurrency in (1, 16):
    for _ in range(min(200, calls)):
        call()
    rates = []
    for _ in range(repeats):
        started = time.perf_counter()
        if concurrency == 1:
            for _ in range(calls):
                call()
        else:
            with ThreadPoolExecutor(max_workers=concurrency) as pool:
                list(pool.map(call, range(calls)))
        rates.append(calls / (time.perf_counter() - started))
    print(json.dumps({"name": "python-sdk", "concurrency": concurrency, "calls": calls,
                      "callsPerSecond": [round(rate, 1) for rate in rates]}))
