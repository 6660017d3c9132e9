"""Times botocore loading the IVS service model, the peer of our generator's load stage.

Each run starts a new botocore session (so nothing is cached), loads the service model and
resolves every operation's input and output shapes, which botocore otherwise does lazily.
Prints {"median_ns": ...} on stdout. Usage: botocore_load.py RUNS
"""

import json
import statistics
import sys
import time

import botocore.session


def load_once():
    session = botocore.session.Session()
    model = session.get_service_model("ivs")
    for name in model.operation_names:
        operation = model.operation_model(name)
        operation.input_shape
        operation.output_shape
    return len(model.operation_names)


def main():
    runs = int(sys.argv[1])
    if load_once() < 40:
        sys.exit("botocore's IVS model has fewer than 40 operations")
    times = []
    for _ in range(runs):
        started = time.perf_counter_ns()
        load_once()
        times.append(time.perf_counter_ns() - started)
    print(json.dumps({"median_ns": statistics.median(times)}))


if __name__ == "__main__":
    main()
