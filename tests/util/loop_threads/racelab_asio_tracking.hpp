// Asio's handler tracking, pointed at the kit's loop-threads watch
// (loop_threads.hpp). Asio includes this header itself when a program is
// built with
//   -DBOOST_ASIO_CUSTOM_HANDLER_TRACKING=<racelab_asio_tracking.hpp>
// and calls these macros around every handler it creates and runs, in every
// event loop of the program. Every file of the program must be built with the
// same definition (Asio's operations gain a base class with it), which is why
// an exercise passes it to the student's files too (DEFINITIONS in
// racelab_add_exercise).
//
// Only creation and invocation are used: creation notes which loop a handler
// belongs to, invocation which thread runs it. The other macros do nothing.
#pragma once

#include "loop_threads.hpp"

#define BOOST_ASIO_INHERIT_TRACKED_HANDLER : public ::racelab::testing::asio_tracking::TrackedHandler
#define BOOST_ASIO_ALSO_INHERIT_TRACKED_HANDLER , public ::racelab::testing::asio_tracking::TrackedHandler
#define BOOST_ASIO_HANDLER_TRACKING_INIT (void)0
#define BOOST_ASIO_HANDLER_LOCATION(args) (void)0
#define BOOST_ASIO_HANDLER_CREATION(args) ::racelab::testing::asio_tracking::creation args
#define BOOST_ASIO_HANDLER_COMPLETION(args) ::racelab::testing::asio_tracking::Completion tracked_completion args
#define BOOST_ASIO_HANDLER_INVOCATION_BEGIN(args) tracked_completion.invocation_begin args
#define BOOST_ASIO_HANDLER_INVOCATION_END tracked_completion.invocation_end()
#define BOOST_ASIO_HANDLER_OPERATION(args) (void)0
#define BOOST_ASIO_HANDLER_REACTOR_REGISTRATION(args) (void)0
#define BOOST_ASIO_HANDLER_REACTOR_DEREGISTRATION(args) (void)0
#define BOOST_ASIO_HANDLER_REACTOR_READ_EVENT 1
#define BOOST_ASIO_HANDLER_REACTOR_WRITE_EVENT 2
#define BOOST_ASIO_HANDLER_REACTOR_ERROR_EVENT 4
#define BOOST_ASIO_HANDLER_REACTOR_EVENTS(args) (void)0
#define BOOST_ASIO_HANDLER_REACTOR_OPERATION(args) (void)0
