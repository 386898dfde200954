"""The Qt widgets: a thin layer over content, assessment and report."""
