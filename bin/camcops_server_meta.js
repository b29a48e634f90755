#!/usr/bin/env node
// Drop-in name for CamCOPS's old camcops_server_meta: the same CLI.
import "./camcops-meta.js";
