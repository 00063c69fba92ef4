#!/usr/bin/env bash
# Prints the first Python that has scikit-learn and pandas: $MLOPS_PYTHON, python3, /usr/bin/python3.
for candidate in "${MLOPS_PYTHON:-}" python3 /usr/bin/python3; do
  [[ -n "$candidate" ]] || continue
  if "$candidate" -c 'import sklearn, pandas, joblib' 2>/dev/null; then
    command -v "$candidate"
    exit 0
  fi
done
echo "no Python with scikit-learn, pandas and joblib found: run bash scripts/setup.sh, or set MLOPS_PYTHON" >&2
exit 1
