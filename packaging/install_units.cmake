# Install-time step (packaging/CMakeLists.txt): the systemd units of scripts/systemd/ into
# PREFIX/lib/systemd/system, their /usr/bin/ticketflow-* rewritten to PREFIX/BINDIR, so a
# `cmake --install --prefix /usr/local` tree runs its own binaries. Unchanged for prefix /usr.
# Input: TF_UNIT_SOURCES, TF_UNIT_STAGING, TF_BINDIR (set by an install(CODE) before this).
file(GLOB units "${TF_UNIT_SOURCES}/*.service" "${TF_UNIT_SOURCES}/*.timer")
if(NOT units)
  message(FATAL_ERROR "no systemd units in ${TF_UNIT_SOURCES}")
endif()
file(MAKE_DIRECTORY "${TF_UNIT_STAGING}")
set(staged)
foreach(unit IN LISTS units)
  get_filename_component(name "${unit}" NAME)
  file(READ "${unit}" text)
  string(REPLACE "/usr/bin/ticketflow-" "${CMAKE_INSTALL_PREFIX}/${TF_BINDIR}/ticketflow-" text "${text}")
  file(WRITE "${TF_UNIT_STAGING}/${name}" "${text}")
  list(APPEND staged "${TF_UNIT_STAGING}/${name}")
endforeach()
file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/lib/systemd/system" TYPE FILE
  PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ FILES ${staged})
