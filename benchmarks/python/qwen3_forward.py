#!/usr/bin/env python3
"""The Qwen3 forward pass in PyTorch, timed on the same model folder and inputs as the Java harness.

Called by dev.llmfleet.benchmarks.model.Qwen3ShapedHarness; prints one JSON line. A plain PyTorch
implementation (no transformers needed, so Debian's python3-torch 1.13 works as well as torch 2),
float32 like the fleet, on the same number of threads.
"""
import argparse
import json
import resource
import time

import torch
from safetensors import safe_open


def rms_norm(x, weight, eps):
    variance = x.pow(2).mean(-1, keepdim=True)
    return x * torch.rsqrt(variance + eps) * weight


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


class Qwen3:
    def __init__(self, folder):
        with open(f"{folder}/config.json") as f:
            self.config = json.load(f)
        c = self.config
        self.w = {}
        with safe_open(f"{folder}/model.safetensors", framework="pt") as f:
            for name in f.keys():
                self.w[name] = f.get_tensor(name).float()
        self.heads, self.kv = c["num_attention_heads"], c["num_key_value_heads"]
        self.head_dim = c.get("head_dim") or c["hidden_size"] // self.heads
        self.eps = c["rms_norm_eps"]
        theta = c.get("rope_theta") or c.get("rope_parameters", {}).get("rope_theta", 10000.0)
        self.inv_freq = 1.0 / (theta ** (torch.arange(0, self.head_dim, 2, dtype=torch.int64).float() / self.head_dim))

    @torch.no_grad()
    def forward(self, ids):
        c, w = self.config, self.w
        b, t = ids.shape
        x = w["model.embed_tokens.weight"][ids]
        freqs = torch.arange(t).float()[:, None] * self.inv_freq[None, :]
        emb = torch.cat((freqs, freqs), dim=-1)
        cos, sin = emb.cos(), emb.sin()
        mask = torch.full((t, t), float("-inf")).triu(1)
        groups = self.heads // self.kv
        for i in range(c["num_hidden_layers"]):
            p = f"model.layers.{i}."
            h = rms_norm(x, w[p + "input_layernorm.weight"], self.eps)
            q = (h @ w[p + "self_attn.q_proj.weight"].T).view(b, t, self.heads, self.head_dim)
            k = (h @ w[p + "self_attn.k_proj.weight"].T).view(b, t, self.kv, self.head_dim)
            v = (h @ w[p + "self_attn.v_proj.weight"].T).view(b, t, self.kv, self.head_dim).transpose(1, 2)
            q = rms_norm(q, w[p + "self_attn.q_norm.weight"], self.eps).transpose(1, 2)
            k = rms_norm(k, w[p + "self_attn.k_norm.weight"], self.eps).transpose(1, 2)
            q = q * cos + rotate_half(q) * sin
            k = k * cos + rotate_half(k) * sin
            k = k.repeat_interleave(groups, dim=1)
            v = v.repeat_interleave(groups, dim=1)
            scores = (q @ k.transpose(2, 3)) / self.head_dim ** 0.5 + mask
            out = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, -1)
            x = x + out @ w[p + "self_attn.o_proj.weight"].T
            h = rms_norm(x, w[p + "post_attention_layernorm.weight"], self.eps)
            gate = h @ w[p + "mlp.gate_proj.weight"].T
            x = x + (torch.nn.functional.silu(gate) * (h @ w[p + "mlp.up_proj.weight"].T)) @ w[p + "mlp.down_proj.weight"].T
        x = rms_norm(x, w["model.norm.weight"], self.eps)
        return x @ w.get("lm_head.weight", w["model.embed_tokens.weight"]).T


def peak_rss_mib():
    # getrusage's maxrss carries the parent's peak across fork and exec on Linux; VmHWM is this process's own.
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--tokens", type=int, default=128)
    parser.add_argument("--batches", default="1,8")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    started = time.perf_counter()
    model = Qwen3(args.model)
    loaded = time.perf_counter() - started
    results = {"torch": torch.__version__, "threads": args.threads, "load_seconds": loaded}
    for batch in [int(b) for b in args.batches.split(",")]:
        ids = torch.randint(0, model.config["vocab_size"], (batch, args.tokens))
        model.forward(ids)  # warm-up
        started = time.perf_counter()
        for _ in range(args.repeat):
            model.forward(ids)
        elapsed = (time.perf_counter() - started) / args.repeat
        results[f"batch{batch}_tokens_per_second"] = batch * args.tokens / elapsed
    results["peak_rss_mib"] = peak_rss_mib()
    print(json.dumps(results))


if __name__ == "__main__":
    main()
