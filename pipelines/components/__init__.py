"""Components of the reference training pipeline.

Each module is a plain command-line script (argparse, no kfp import) run as
``python3 -m components.<module>`` with ``pipelines/`` as the working directory or on
PYTHONPATH. The ``<module>.component.yaml`` file next to it describes it to Kubeflow
Pipelines (KFP v1 component format, which the KFP v2 SDK and compiler still load).
"""
