"""The programme plugin: programme.yaml to localised pages and machine-readable exports."""
