#!/usr/bin/env bash
# The cross-validation runs of MODEL.md (sessions 13-15), as session 15 ran them.
# Usage (from the repository root; FOLDS = make_folds.py's output, RUNS = where run directories go):
#   cv_runs.sh train RECIPE FOLDS RUNS K...   train RECIPE without fold K, detect fold K (none, flip, d4)
#   cv_runs.sh ensemble TTA_B FOLDS RUNS      per fold: ensemble of B_K (augmentation TTA_B) and R1b_K (d4),
#                                             detections RUNS/E_K/det_NAME_ens.csv
# RECIPE: R1 (shipped lunar model, hourglass, seed 42), R1b (R1 with seed 7), B (the lunar version 2
# model of git 8dc6a1e in RUNS/v2, resnet-s, output stride 2, seed 42; extract it with
#   mkdir -p RUNS/v2; for f in best.params model.json; do git show 8dc6a1e:models/craters-lro-nac/$f > RUNS/v2/$f; done).
# Score with: python3 models/craters-mars-hrsc/cv_score.py FOLDS 'RUNS/B_{k}' d4 10
# One engine thread per process (run two processes at a time on two cores).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export OMP_NUM_THREADS=1
export SURVEYOR_JAVA_OPTS="-Xmx3g -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1"
mode=$1; shift
detect() { # MODEL IMAGE TTA OUT
  nice -n 5 bin/surveyor craters detect --model "$1" --image "$2" --threads 1 --threshold 0.05 ${3:+--tta "$3"} --out "$4"
}
if [[ $mode == train ]]; then
  recipe=$1 folds=$2 runs=$3; shift 3
  case $recipe in
    R1) init=(--init models/craters-lro-nac --backbone hourglass --seed 42) ;;
    R1b) init=(--init models/craters-lro-nac --backbone hourglass --seed 7) ;;
    B) init=(--init "$runs/v2" --backbone small --stride 2 --seed 42) ;;
    *) echo "cv_runs.sh: unknown recipe '$recipe' (R1, R1b or B)" >&2; exit 2 ;;
  esac
  for k in "$@"; do
    out=$runs/${recipe}_$k
    nice -n 5 bin/surveyor craters train --data "$folds" --exclude "hrsc_$k" --out "$out" "${init[@]}" \
      --freeze-epochs 5 --lr 1e-3 --lr-final 0.05 --epochs 60 --batch 8 --batches-per-epoch 20 --window 256 \
      --threads 1 --min-diameter 10 > "$out.log" 2>&1
    for img in "$folds/fold_$k"/*.png; do
      for t in none flip d4; do detect "$out" "$img" $t "$out/det_$(basename "$img" .png)_$t.csv"; done
    done
  done
elif [[ $mode == ensemble ]]; then
  tta_b=$1 folds=$2 runs=$3
  for k in a b c d; do
    members=$runs/ensemble-members/$k
    rm -rf "$members" "$runs/E_$k"
    for r in B R1b; do
      mkdir -p "$members/$r"  # the two files craters ensemble copies into member-N
      cp "$runs/${r}_$k"/{model.json,best.params} "$members/$r/"
      t=$([[ $r == B ]] && echo "$tta_b" || echo d4)
      python3 -c "import json,sys; p=sys.argv[1]; d=json.load(open(p)); d['testTimeAugmentation']=sys.argv[2]; json.dump(d, open(p,'w'), indent=2)" \
        "$members/$r/model.json" "$t"
    done
    bin/surveyor craters ensemble --model "$members/B" --model "$members/R1b" --threshold 0.3 --out "$runs/E_$k"
    for img in "$folds/fold_$k"/*.png; do detect "$runs/E_$k" "$img" "" "$runs/E_$k/det_$(basename "$img" .png)_ens.csv"; done
  done
else
  echo "cv_runs.sh: unknown mode '$mode' (train or ensemble)" >&2; exit 2
fi
