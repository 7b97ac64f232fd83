// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "simconfig.h"

namespace outcrop::faulttest {

// Every fault at once. The periods are chosen so that, counted over the simulator's requests,
// no three requests in a row fail (checked for the first 5,000): a call's three attempts in
// sequence always get through, while about 4 requests in 10 fail. None is a multiple of
// another, so each kind also hits otherwise successful responses.
inline sim::FaultSettings allFaultsAtOnce()
{
    sim::FaultSettings faults;
    faults.throttleEvery = 4;         // 429 ThrottlingException
    faults.internalErrorEvery = 6;    // 500 InternalServerException
    faults.resetEvery = 9;            // connection reset half-way through the body
    faults.truncateEvery = 15;        // half the body, then a clean close
    faults.latencyMs = 40;            // on every request
    return faults;
}

// Retries run out: every request fails.
inline sim::FaultSettings everyRequestFails()
{
    sim::FaultSettings faults;
    faults.internalErrorEvery = 1;
    return faults;
}

} // namespace outcrop::faulttest
