"""Writes churn_sample.csv: a small, synthetic, telco-churn-like table.

The columns and their quirks follow the public "Telco Customer Churn" sample (IBM), but
every value is generated here from a fixed seed, so the file is reproducible and free of
licensing questions:

* customerID: unique "1234-ABCDE" strings (an identifier the pipeline must drop);
* gender, Partner (Yes/No), Contract, PaymentMethod: categories;
* SeniorCitizen: 0/1 integers;
* tenure (months), MonthlyCharges: numbers;
* TotalCharges: numbers stored as text, blank (" ") for customers in their first month,
  exactly like the original data;
* Churn: Yes/No, the label, last.

Churn depends on the contract, tenure, monthly charges, payment method and seniority
(through a logistic model plus noise), so a model has something to learn.

    /usr/bin/python3 pipelines/data/make_churn_sample.py            # writes next to this file
    /usr/bin/python3 pipelines/data/make_churn_sample.py --rows 1000 --output /tmp/churn.csv

Uses only the Python standard library, so any python3 can run it.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import random
import string

SEED = 20240601
DEFAULT_ROWS = 600

CONTRACTS = [("Month-to-month", 0.55), ("One year", 0.21), ("Two year", 0.24)]
PAYMENT_METHODS = [
    ("Electronic check", 0.34),
    ("Mailed check", 0.23),
    ("Bank transfer (automatic)", 0.22),
    ("Credit card (automatic)", 0.21),
]
COLUMNS = [
    "customerID",
    "gender",
    "SeniorCitizen",
    "Partner",
    "tenure",
    "Contract",
    "PaymentMethod",
    "MonthlyCharges",
    "TotalCharges",
    "Churn",
]


def choose(rng: random.Random, weighted: list[tuple[str, float]]) -> str:
    names = [name for name, _ in weighted]
    weights = [weight for _, weight in weighted]
    return rng.choices(names, weights=weights, k=1)[0]


def customer_id(rng: random.Random, taken: set[str]) -> str:
    while True:
        value = f"{rng.randrange(10_000):04d}-{''.join(rng.choices(string.ascii_uppercase, k=5))}"
        if value not in taken:
            taken.add(value)
            return value


def make_rows(count: int, seed: int = SEED) -> list[dict[str, object]]:
    rng = random.Random(seed)
    taken: set[str] = set()
    rows = []
    for _ in range(count):
        contract = choose(rng, CONTRACTS)
        senior = 1 if rng.random() < 0.16 else 0
        partner = "Yes" if rng.random() < (0.35 if contract == "Month-to-month" else 0.6) else "No"
        # Longer contracts go with longer tenure; about 2% are brand-new customers (tenure 0).
        if rng.random() < 0.02:
            tenure = 0
        elif contract == "Month-to-month":
            tenure = min(72, 1 + int(rng.expovariate(1 / 14)))
        elif contract == "One year":
            tenure = rng.randint(6, 72)
        else:
            tenure = rng.randint(18, 72)
        payment = choose(rng, PAYMENT_METHODS)
        has_fiber = rng.random() < 0.45
        monthly = rng.uniform(70, 115) if has_fiber else rng.uniform(18.5, 70)
        monthly = round(monthly, 2)
        # TotalCharges: blank for tenure 0, otherwise roughly tenure x monthly charge.
        total = "" if tenure == 0 else f"{tenure * monthly * rng.uniform(0.93, 1.05):.2f}"

        logit = (
            -1.6
            + {"Month-to-month": 1.5, "One year": -0.2, "Two year": -1.0}[contract]
            - 0.045 * tenure
            + 0.028 * (monthly - 65)
            + (0.6 if payment == "Electronic check" else 0.0)
            + 0.45 * senior
            - (0.3 if partner == "Yes" else 0.0)
            + rng.gauss(0, 0.6)
        )
        churn = "Yes" if rng.random() < 1 / (1 + math.exp(-logit)) else "No"
        rows.append(
            {
                "customerID": customer_id(rng, taken),
                "gender": rng.choice(["Female", "Male"]),
                "SeniorCitizen": senior,
                "Partner": partner,
                "tenure": tenure,
                "Contract": contract,
                "PaymentMethod": payment,
                "MonthlyCharges": f"{monthly:.2f}",
                # The original file stores a single space in the blank cells.
                "TotalCharges": total if total else " ",
                "Churn": churn,
            }
        )
    return rows


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description="Write the synthetic telco churn sample CSV.")
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--output", default=os.path.join(here, "churn_sample.csv"))
    args = parser.parse_args()
    rows = make_rows(args.rows, args.seed)
    with open(args.output, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    churned = sum(row["Churn"] == "Yes" for row in rows)
    blanks = sum(row["TotalCharges"] == " " for row in rows)
    print(f"wrote {len(rows)} rows to {args.output} ({churned} churned, {blanks} blank TotalCharges)")


if __name__ == "__main__":
    main()
