"""Interactive explorers for JupyterLab (ipywidgets), imported only when used."""
